package org.k8sca.kamatera.provider;

import java.time.Instant;

/** A queue command in flight for one server. */
record PendingCommand(String id, Operation operation, Instant startedAt) {}
