package org.k8sca.kamatera.sim.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simulated server (mutable; only touched under the account's lock). It keeps the actual power
 * state, which commands act on, apart from the power state shown by list and info, which follows
 * after the visibility lag.
 */
final class SimServer {
    final String id;
    String name;
    final String datacenter;
    final String cpu;
    final int ramMb;
    final List<Integer> diskSizes;
    final List<NetworkAttachment> networks;
    final String billing;
    final String traffic;
    final boolean managed;
    final boolean backup;
    final Set<String> tags = new LinkedHashSet<>();

    ServerState state;
    String actualPower;

    /** Shown power: the value before the first entry, then each entry from its instant on. */
    private String shownPowerBase;

    private final TreeMap<Instant, String> shownPowerChanges = new TreeMap<>();

    /** When an ACTIVE server starts to be listed (null: always). */
    Instant visibleFrom;

    /** When a TERMINATED server stops being listed. */
    Instant goneFrom;

    SimServer(
            String id,
            String name,
            String datacenter,
            String cpu,
            int ramMb,
            List<Integer> diskSizes,
            List<NetworkAttachment> networks,
            String billing,
            String traffic,
            boolean managed,
            boolean backup,
            String power) {
        this.id = id;
        this.name = name;
        this.datacenter = datacenter;
        this.cpu = cpu;
        this.ramMb = ramMb;
        this.diskSizes = List.copyOf(diskSizes);
        this.networks = List.copyOf(networks);
        this.billing = billing;
        this.traffic = traffic;
        this.managed = managed;
        this.backup = backup;
        this.actualPower = power;
        this.shownPowerBase = power;
    }

    int cpuCores() {
        return Integer.parseInt(cpu.substring(0, cpu.length() - 1));
    }

    /** Sets the actual power now and the shown power from {@code shownAt} on. */
    void changePower(String power, Instant shownAt) {
        actualPower = power;
        shownPowerChanges.put(shownAt, power);
    }

    String shownPower(Instant now) {
        Map.Entry<Instant, String> e = shownPowerChanges.floorEntry(now);
        return e == null ? shownPowerBase : e.getValue();
    }

    /** Folds shown-power changes that are in the past into the base value. */
    void compact(Instant now) {
        while (!shownPowerChanges.isEmpty() && !shownPowerChanges.firstKey().isAfter(now)) {
            shownPowerBase = shownPowerChanges.pollFirstEntry().getValue();
        }
    }

    /** Whether list, info and name lookups see this server at {@code now}. */
    boolean listed(Instant now, boolean showCreating) {
        switch (state) {
            case CREATING:
                return showCreating;
            case ACTIVE:
                return visibleFrom == null || !now.isBefore(visibleFrom);
            case TERMINATED:
                return goneFrom != null && now.isBefore(goneFrom);
            default:
                throw new IllegalStateException("unknown state " + state);
        }
    }

    ServerView view(Instant now) {
        return new ServerView(
                id,
                name,
                datacenter,
                actualPower,
                shownPower(now),
                state,
                new ArrayList<>(tags),
                cpu,
                ramMb,
                diskSizes,
                networks,
                billing);
    }
}
