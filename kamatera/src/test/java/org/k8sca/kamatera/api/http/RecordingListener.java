package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.ApiCallListener;

import java.util.ArrayList;
import java.util.List;

/** Collects metrics events. */
final class RecordingListener implements ApiCallListener {

    final List<AttemptEvent> attempts = new ArrayList<>();
    final List<CallEvent> calls = new ArrayList<>();

    @Override
    public synchronized void onAttempt(AttemptEvent event) {
        attempts.add(event);
    }

    @Override
    public synchronized void onCall(CallEvent event) {
        calls.add(event);
    }
}
