package org.k8sca.kamatera.sim.model;

import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.Faults;
import org.k8sca.kamatera.sim.knobs.InjectedOutcome;
import org.k8sca.kamatera.sim.knobs.TerminateWithoutForce;
import org.k8sca.kamatera.sim.knobs.Timings;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The simulated Kamatera account: its servers and queue commands. Nothing runs in the background:
 * every entry point first calls {@link #advance()}, which applies the effects of all commands whose
 * completion time has passed on the injected clock, in completion order.
 *
 * <p>Not thread-safe by itself: callers hold the account's monitor ({@code synchronized
 * (account)}).
 */
public final class Account {
    final InstantSource clock;
    final Random random;
    final Timings timings;
    final Faults faults;
    final Catalog catalog = new Catalog();
    private final Map<String, SimServer> servers = new LinkedHashMap<>();
    private final Map<Long, SimCommand> commands = new LinkedHashMap<>();
    private long nextCommandId;
    private Instant now;

    public Account(InstantSource clock, Random random, Timings timings, Faults faults) {
        this.clock = clock;
        this.random = random;
        this.timings = timings;
        this.faults = faults;
        this.nextCommandId = 10_000_000L + random.nextInt(80_000_000);
        this.now = clock.instant();
    }

    /** Brings the account up to the clock's current instant and returns that instant. */
    public Instant advance() {
        Instant t = clock.instant();
        if (t.isAfter(now)) {
            now = t;
        }
        List<SimCommand> due = new ArrayList<>();
        for (SimCommand c : commands.values()) {
            if (!c.finished && !c.completeAt.isAfter(now)) {
                due.add(c);
            }
        }
        due.sort(Comparator.comparing((SimCommand c) -> c.completeAt).thenComparingLong(c -> c.id));
        due.forEach(this::finish);
        servers.values()
                .removeIf(s -> s.state == ServerState.TERMINATED && !now.isBefore(s.goneFrom));
        servers.values().forEach(s -> s.compact(now));
        return now;
    }

    Instant now() {
        return now;
    }

    private void finish(SimCommand c) {
        c.finished = true;
        SimServer s = servers.get(c.serverId);
        if (!c.outcome.equals("complete")) {
            if (c.kind == CommandKind.CREATE && s != null) {
                servers.remove(c.serverId);
            }
            return;
        }
        Instant shownAt = c.completeAt.plus(faults.visibilityLag().sample(random));
        if (c.kind == CommandKind.CREATE) {
            s.state = ServerState.ACTIVE;
            s.visibleFrom = shownAt;
            if (c.powerOnAfterCreate) {
                s.changePower("on", shownAt);
            }
            return;
        }
        if (s == null || s.state != ServerState.ACTIVE) {
            fail(c, "server not found");
            return;
        }
        switch (c.kind) {
            case POWER_ON:
            case REBOOT:
                s.changePower("on", shownAt);
                break;
            case POWER_OFF:
                s.changePower("off", shownAt);
                break;
            case TERMINATE:
                if (!c.force
                        && s.actualPower.equals("on")
                        && faults.terminateWithoutForce() == TerminateWithoutForce.COMMAND_ERROR) {
                    fail(c, "server is powered on");
                    return;
                }
                s.state = ServerState.TERMINATED;
                s.goneFrom = shownAt;
                break;
            default:
                throw new IllegalStateException("unexpected command kind " + c.kind);
        }
    }

    private static void fail(SimCommand c, String text) {
        c.outcome = "error";
        c.failureText = text;
    }

    /** Queues a command for a server; its timing and (random or injected) outcome are fixed now. */
    SimCommand queue(CommandKind kind, SimServer server, List<String> logLines) {
        Duration pending = timings.pendingDelay().sample(random);
        Duration duration = timings.duration(kind).sample(random);
        SimCommand c =
                new SimCommand(
                        nextCommandId++,
                        kind,
                        server.id,
                        server.name,
                        now,
                        faults.queue404Window(),
                        pending,
                        duration,
                        timings.inFlightStatuses(),
                        logLines);
        Optional<InjectedOutcome> injected = faults.takeNextOutcome(kind);
        if (injected.isPresent()) {
            c.outcome = injected.get().status();
            c.failureText = injected.get().message();
        } else if (draw(faults.commandErrorRate())) {
            fail(c, faults.commandErrorMessage());
        } else if (draw(faults.commandCancelRate())) {
            c.outcome = "cancelled";
            c.failureText = "Cancelled";
        }
        commands.put(c.id, c);
        return c;
    }

    /** True with probability {@code rate}; draws from the seeded generator only when rate > 0. */
    public boolean draw(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    Optional<SimCommand> command(long id) {
        return Optional.ofNullable(commands.get(id));
    }

    /** Servers that list, info and name lookups see now, in creation order. */
    List<SimServer> listed() {
        boolean showCreating = timings.showCreatingServers();
        List<SimServer> out = new ArrayList<>();
        for (SimServer s : servers.values()) {
            if (s.listed(now, showCreating)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every server that exists or is being created, whether listed yet or not. */
    List<SimServer> allServers() {
        return new ArrayList<>(servers.values());
    }

    /**
     * Resolves {@code id} or {@code name} like cloudcli-server (B9): exactly one of them must be
     * given; {@code name} is matched as {@code preg_match("/^<name>$/")} against every listed
     * server (so {@code a|b} really means "starts with a, or ends with b").
     */
    List<SimServer> select(ApiInput in, String method, boolean allowNone) {
        String id = in.string("id");
        String name = in.string("name");
        if ((id == null) == (name == null)) {
            throw ApiError.failedMethod(method);
        }
        if (id != null) {
            SimServer s = servers.get(id);
            if (s == null || (s.state == ServerState.CREATING && !timings.showCreatingServers())) {
                throw ApiError.backend("server not found", 3);
            }
            return List.of(s);
        }
        if (name.contains("/")) {
            throw ApiError.failedMethod(method); // breaks the PHP regex delimiter
        }
        Pattern p;
        try {
            p = Pattern.compile("^" + name + "$");
        } catch (PatternSyntaxException e) {
            throw ApiError.failedMethod(method);
        }
        List<SimServer> found = new ArrayList<>();
        for (SimServer s : listed()) {
            if (p.matcher(s.name).find()) {
                found.add(s);
            }
        }
        if (found.isEmpty() && !allowNone) {
            throw ApiError.message(500, "No servers found (name='" + name + "')");
        }
        return found;
    }

    /** True when a server (existing or being created) already has this name. */
    boolean nameTaken(String name) {
        return servers.values().stream().anyMatch(s -> s.name.equals(name));
    }

    String newServerId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    String newWanIp() {
        return "185."
                + (1 + random.nextInt(254))
                + "."
                + random.nextInt(256)
                + "."
                + (2 + random.nextInt(252));
    }

    void add(SimServer s) {
        servers.put(s.id, s);
    }

    /** Puts a ready server straight into the account (test setup). */
    public ServerView addServer(ServerSetup setup) {
        advance();
        String id = setup.id() != null ? setup.id() : newServerId();
        if (servers.containsKey(id)) {
            throw new IllegalArgumentException("a server with id " + id + " already exists");
        }
        String dc = setup.datacenter();
        List<NetworkAttachment> nets =
                List.of(
                        new NetworkAttachment(
                                "wan-" + dc.toLowerCase(Locale.ROOT), List.of(newWanIp())));
        SimServer s =
                new SimServer(
                        id,
                        setup.name(),
                        dc,
                        setup.cpu(),
                        setup.ramMb(),
                        setup.diskSizes(),
                        nets,
                        "hourly",
                        "t5000",
                        false,
                        false,
                        setup.power());
        s.state = ServerState.ACTIVE;
        s.tags.addAll(setup.tags());
        add(s);
        return s.view(now);
    }

    public List<ServerView> serverViews() {
        advance();
        List<ServerView> out = new ArrayList<>();
        servers.values().forEach(s -> out.add(s.view(now)));
        return out;
    }

    public List<CommandView> commandViews() {
        advance();
        List<CommandView> out = new ArrayList<>();
        commands.values().forEach(c -> out.add(c.view(now)));
        return out;
    }
}
