package org.k8sca.kamatera.sim.model;

import java.util.List;

/**
 * A validated create request (the fields cloudcli-server passes on to the backend). The password is
 * deliberately absent: the simulator checks it and forgets it.
 */
record CreateOrder(
        String name,
        boolean generatePassword,
        String datacenter,
        Catalog.Image image,
        String imageId,
        String cpu,
        int ramMb,
        List<Integer> diskSizes,
        List<NetworkRequest> networks,
        boolean dailyBackup,
        boolean managed,
        String billing,
        String traffic,
        boolean powerOn,
        List<String> tags) {

    /** One requested NIC: {@code wan} or a LAN name, and {@code auto} or a fixed IP. */
    record NetworkRequest(String name, String ip) {}

    int cpuCores() {
        return Integer.parseInt(cpu.substring(0, cpu.length() - 1));
    }
}
