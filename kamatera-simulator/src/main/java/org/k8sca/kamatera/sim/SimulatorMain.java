package org.k8sca.kamatera.sim;

/** Runs the simulator alone. */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) {
        System.err.println("kamatera-simulator: not implemented yet");
        System.exit(2);
    }
}
