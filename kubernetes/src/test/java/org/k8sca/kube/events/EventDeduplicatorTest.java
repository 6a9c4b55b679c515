package org.k8sca.kube.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

class EventDeduplicatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final EventObject POD = EventObject.pod("ns", "p", "uid-1");

    private static RecordedEvent event(EventObject o, String reason, String message, Instant at) {
        return new RecordedEvent(o, EventType.NORMAL, reason, message, at);
    }

    @Test
    void sameObjectAndReasonPassOncePerFiveMinutes() {
        EventDeduplicator d = new EventDeduplicator();
        assertThat(d.admit(event(POD, "NotTriggerScaleUp", "a", T0))).isTrue();
        assertThat(d.admit(event(POD, "NotTriggerScaleUp", "a", T0.plusSeconds(10)))).isFalse();
        // The message is not part of the key (upstream): changed reasons wait for the window too.
        assertThat(d.admit(event(POD, "NotTriggerScaleUp", "b", T0.plusSeconds(299)))).isFalse();
        assertThat(d.admit(event(POD, "NotTriggerScaleUp", "a", T0.plusSeconds(300)))).isTrue();
        assertThat(d.admit(event(POD, "NotTriggerScaleUp", "a", T0.plusSeconds(599)))).isFalse();
    }

    @Test
    void otherReasonsAndObjectsAreIndependent() {
        EventDeduplicator d = new EventDeduplicator();
        assertThat(d.admit(event(POD, "NotTriggerScaleUp", "a", T0))).isTrue();
        assertThat(d.admit(event(POD, "TriggeredScaleUp", "a", T0))).isTrue();
        assertThat(
                        d.admit(
                                event(
                                        EventObject.pod("ns", "p", "uid-2"),
                                        "NotTriggerScaleUp",
                                        "a",
                                        T0)))
                .isTrue();
        assertThat(d.admit(event(EventObject.node("p"), "NotTriggerScaleUp", "a", T0))).isTrue();
    }

    @Test
    void statusConfigMapEventsAreKeyedByMessageOnly() {
        EventDeduplicator d = new EventDeduplicator();
        EventObject status = EventObject.configMap("kube-system", "cluster-autoscaler-status");
        assertThat(d.admit(event(status, "ScaledUpGroup", "setting web to 3", T0))).isTrue();
        assertThat(d.admit(event(status, "ScaledUpGroup", "web size set to 3", T0))).isTrue();
        assertThat(d.admit(event(status, "ScaleDownEmpty", "web size set to 3", T0.plusSeconds(1))))
                .isFalse();
        assertThat(d.admit(event(status, "ScaledUpGroup", "setting web to 3", T0.plusSeconds(300))))
                .isTrue();
        // Only the default name and namespace get this treatment, as upstream hard-codes them.
        EventObject custom = EventObject.configMap("kube-system", "my-status");
        assertThat(d.admit(event(custom, "ScaledUpGroup", "one", T0))).isTrue();
        assertThat(d.admit(event(custom, "ScaledUpGroup", "two", T0))).isFalse();
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeysBeyondTheLimit() {
        EventDeduplicator d = new EventDeduplicator(Duration.ofMinutes(5), 2);
        EventObject a = EventObject.node("a");
        EventObject b = EventObject.node("b");
        EventObject c = EventObject.node("c");
        assertThat(d.admit(event(a, "R", "", T0))).isTrue();
        assertThat(d.admit(event(b, "R", "", T0))).isTrue();
        assertThat(d.admit(event(a, "R", "", T0.plusSeconds(1))))
                .isFalse(); // a used again: b is eldest
        assertThat(d.admit(event(c, "R", "", T0))).isTrue(); // b forgotten
        assertThat(d.admit(event(b, "R", "", T0.plusSeconds(2)))).isTrue();
    }

    @Test
    void randomStreamsNeverPassAKeyTwiceWithinTheWindow() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            EventDeduplicator d = new EventDeduplicator();
            Map<String, Instant> lastPassed = new HashMap<>();
            Instant now = T0;
            for (int i = 0; i < 200; i++) {
                now = now.plusSeconds(random.nextInt(120));
                EventObject o = EventObject.node("n" + random.nextInt(4));
                String reason = random.nextBoolean() ? "ScaleDown" : "ScaleDownFailed";
                String key = o.name() + "/" + reason;
                boolean passed = d.admit(event(o, reason, "m" + random.nextInt(3), now));
                Instant last = lastPassed.get(key);
                boolean expected =
                        last == null || !now.isBefore(last.plus(EventDeduplicator.WINDOW));
                assertThat(passed)
                        .as("seed %d round %d event %d key %s at %s", seed, round, i, key, now)
                        .isEqualTo(expected);
                if (passed) {
                    lastPassed.put(key, now);
                }
            }
        }
    }
}
