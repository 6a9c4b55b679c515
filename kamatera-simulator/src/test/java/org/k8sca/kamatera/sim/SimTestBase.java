package org.k8sca.kamatera.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.k8sca.kamatera.sim.knobs.Timings;

/** Starts a simulator on 127.0.0.1 with a manual clock for each test and closes it afterwards. */
abstract class SimTestBase {
    static final String CLIENT_ID = "test-client";
    static final String SECRET = "test-secret-value";

    ManualClock clock;
    KamateraSimulator sim;
    SimClient api;

    @BeforeEach
    void startSimulator() {
        clock = new ManualClock();
        sim =
                configure(
                                KamateraSimulator.builder()
                                        .credentials(CLIENT_ID, SECRET)
                                        .clock(clock)
                                        .seed(42)
                                        .timings(timings()))
                        .build()
                        .start();
        api = new SimClient(sim.baseUrl(), CLIENT_ID, SECRET);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** Timings for the test; default: fixed, easy numbers (pending 2 s, every command 10 s). */
    Timings timings() {
        Timings t = new Timings();
        t.pendingDelay(
                org.k8sca.kamatera.sim.knobs.DurationRange.fixed(java.time.Duration.ofSeconds(2)));
        t.allDurations(
                org.k8sca.kamatera.sim.knobs.DurationRange.fixed(java.time.Duration.ofSeconds(10)));
        return t;
    }

    KamateraSimulator.Builder configure(KamateraSimulator.Builder b) {
        return b;
    }

    /** Advances the clock past any command's completion. */
    void finishCommands() {
        clock.advanceSeconds(60);
    }
}
