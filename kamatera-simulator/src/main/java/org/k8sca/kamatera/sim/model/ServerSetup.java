package org.k8sca.kamatera.sim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A server to put directly into the simulated account (no command, visible at once), e.g. {@code
 * ServerSetup.named("ng1-3fa9c02b71e").datacenter("IL").power("off").tags("k8sca-c1",
 * "k8scang-ng1")}. Defaults: datacenter EU, power on, CPU 2B, 4096 MB RAM, one 20 GB disk, hourly
 * billing, a WAN NIC.
 */
public final class ServerSetup {
    private final String name;
    private String id;
    private String datacenter = "EU";
    private String power = "on";
    private final List<String> tags = new ArrayList<>();
    private String cpu = "2B";
    private int ramMb = 4096;
    private List<Integer> diskSizes = List.of(20);

    private ServerSetup(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public static ServerSetup named(String name) {
        return new ServerSetup(name);
    }

    /** A fixed server id; by default one is generated from the seeded random generator. */
    public ServerSetup id(String id) {
        this.id = Objects.requireNonNull(id, "id");
        return this;
    }

    public ServerSetup datacenter(String dc) {
        this.datacenter = Objects.requireNonNull(dc, "datacenter");
        return this;
    }

    /** {@code on} or {@code off}. */
    public ServerSetup power(String power) {
        if (!"on".equals(power) && !"off".equals(power)) {
            throw new IllegalArgumentException("power must be 'on' or 'off', not '" + power + "'");
        }
        this.power = power;
        return this;
    }

    public ServerSetup tags(String... tags) {
        this.tags.addAll(List.of(tags));
        return this;
    }

    /** CPU as {@code <cores><type>}, e.g. {@code 4D}. */
    public ServerSetup cpu(String cpu) {
        if (!cpu.matches("\\d+[ABDT]")) {
            throw new IllegalArgumentException(
                    "cpu must look like 2B (cores then type A, B, D or T), not '" + cpu + "'");
        }
        this.cpu = cpu;
        return this;
    }

    public ServerSetup ramMb(int ramMb) {
        this.ramMb = ramMb;
        return this;
    }

    public ServerSetup diskSizes(Integer... sizes) {
        this.diskSizes = List.of(sizes);
        return this;
    }

    String name() {
        return name;
    }

    String id() {
        return id;
    }

    String datacenter() {
        return datacenter;
    }

    String power() {
        return power;
    }

    List<String> tags() {
        return tags;
    }

    String cpu() {
        return cpu;
    }

    int ramMb() {
        return ramMb;
    }

    List<Integer> diskSizes() {
        return diskSizes;
    }
}
