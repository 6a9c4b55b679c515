package org.k8sca.kamatera.sim;

import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.CreateFailureMode;
import org.k8sca.kamatera.sim.knobs.DurationRange;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Faults;
import org.k8sca.kamatera.sim.knobs.NameCollisionSuffix;
import org.k8sca.kamatera.sim.knobs.QueueBadShape;
import org.k8sca.kamatera.sim.knobs.Quota;
import org.k8sca.kamatera.sim.knobs.TerminateWithoutForce;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kamatera.sim.model.ServerSetup;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Parses the standalone runner's options into a simulator configuration. Every option is listed,
 * with its default, by {@code --help}. Errors name the option and the bad value.
 */
final class SimulatorCommandLine {
    /**
     * Environment variable read for the secret when {@code --secret} is absent (keeps it out of
     * ps).
     */
    static final String SECRET_ENV = "KAMATERA_SIM_SECRET";

    /** The outcome of parsing. */
    static final class Config {
        String host = "127.0.0.1";
        int port = 8089;
        long seed = 0;
        String clientId;
        String secret;
        boolean noAuth;
        boolean quiet;
        boolean help;
        final Timings timings = new Timings();
        final Faults faults = new Faults();
        final List<ServerSetup> servers = new ArrayList<>();

        /** A builder with everything but the request log configured. */
        KamateraSimulator.Builder builder() {
            KamateraSimulator.Builder b =
                    KamateraSimulator.builder().host(host).port(port).seed(seed).timings(timings);
            if (!noAuth) {
                b.credentials(clientId, secret);
            }
            b.faults(faults);
            return b;
        }
    }

    private record Option(String name, String arg, String help, BiConsumer<Config, String> apply) {}

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    private static void opt(
            String name, String arg, String help, BiConsumer<Config, String> apply) {
        OPTIONS.put(name, new Option(name, arg, help, apply));
    }

    static {
        opt("--help", null, "Print this help and exit.", (c, v) -> c.help = true);
        opt("--host", "ADDR", "Address to bind (default 127.0.0.1).", (c, v) -> c.host = v);
        opt(
                "--port",
                "N",
                "Port to listen on; 0 picks a free one (default 8089).",
                (c, v) -> c.port = intArg("--port", v));
        opt(
                "--client-id",
                "ID",
                "Accepted AuthClientId header (required unless --no-auth).",
                (c, v) -> c.clientId = v);
        opt(
                "--secret",
                "S",
                "Accepted AuthSecret header; or set "
                        + SECRET_ENV
                        + " (required unless --no-auth).",
                (c, v) -> c.secret = v);
        opt("--no-auth", null, "Accept any credentials.", (c, v) -> c.noAuth = true);
        opt(
                "--seed",
                "N",
                "Seed of the random generator (default 0).",
                (c, v) -> c.seed = longArg("--seed", v));
        opt("--quiet", null, "Do not log one line per request.", (c, v) -> c.quiet = true);
        opt(
                "--server",
                "SPEC",
                "Pre-create a server:"
                        + " name=NAME[,dc=EU][,power=on|off][,cpu=2B][,ram=4096][,tag=T]..."
                        + " (repeatable).",
                (c, v) -> c.servers.add(serverArg(v)));

        opt(
                "--fast",
                null,
                "All commands complete at once (no pending delay, zero durations).",
                (c, v) -> {
                    c.timings.pendingDelay(DurationRange.ZERO).allDurations(DurationRange.ZERO);
                });
        opt(
                "--pending-delay",
                "RANGE",
                "Time a command stays in its first status (default 0s..2s).",
                (c, v) -> c.timings.pendingDelay(DurationRange.parse(v)));
        for (CommandKind k : CommandKind.values()) {
            String name = "--" + k.cliName().replace("-", "") + "-duration";
            opt(
                    name,
                    "RANGE",
                    "Execution time of "
                            + k.description()
                            + " commands (default "
                            + new Timings().duration(k)
                            + ").",
                    (c, v) -> c.timings.duration(k, DurationRange.parse(v)));
        }
        opt(
                "--statuses",
                "S1,S2,...",
                "In-flight statuses in order (default pending,progress).",
                (c, v) -> c.timings.inFlightStatuses(Arrays.asList(v.split(","))));
        opt(
                "--show-creating-servers",
                null,
                "List servers (power off) while their create runs (default: hidden).",
                (c, v) -> c.timings.showCreatingServers(true));
        opt(
                "--timestamp-zone",
                "ZONE",
                "Time zone of queue timestamps (default UTC).",
                (c, v) -> c.timings.timestampZone(ZoneId.of(v)));

        opt(
                "--http500-rate",
                "EP=RATE",
                "Rate of 500 'Failed to run command method' on an endpoint, or all=RATE"
                        + " (repeatable; default 0).",
                (c, v) ->
                        perEndpoint(
                                v,
                                "--http500-rate",
                                (e, s) -> c.faults.http500Rate(e, rateArg("--http500-rate", s))));
        opt(
                "--gateway-rate",
                "[EP=]RATE",
                "Rate of 502/504 non-JSON answers, on one endpoint or all (default 0).",
                (c, v) ->
                        perEndpoint(
                                v.contains("=") ? v : "all=" + v,
                                "--gateway-rate",
                                (e, s) -> c.faults.gatewayRate(e, rateArg("--gateway-rate", s))));
        opt(
                "--gateway-status",
                "502|504",
                "Status of gateway failures (default 504).",
                (c, v) -> c.faults.gatewayStatus(intArg("--gateway-status", v)));
        opt(
                "--latency",
                "EP=DURATION",
                "Real-time delay before an endpoint answers, or all=DURATION (repeatable).",
                (c, v) ->
                        perEndpoint(
                                v,
                                "--latency",
                                (e, s) -> c.faults.latency(e, DurationRange.parseDuration(s))));
        opt(
                "--hang",
                "EP",
                "Requests to the endpoint never answer (they still take effect) (repeatable).",
                (c, v) -> perEndpoint(v + "=x", "--hang", (e, s) -> c.faults.hang(e, true)));
        opt(
                "--create-accepted-but-errored",
                "MODE[=RATE]",
                "Create succeeds but answers http-500, gateway-504 or" + " hang (default rate 1).",
                (c, v) -> {
                    String[] p = v.split("=", 2);
                    c.faults.createAcceptedButErrored(
                            enumArg("--create-accepted-but-errored", CreateFailureMode.class, p[0]),
                            p.length > 1 ? rateArg("--create-accepted-but-errored", p[1]) : 1.0);
                });
        opt(
                "--command-error-rate",
                "RATE",
                "Rate of commands ending in error (default 0).",
                (c, v) -> c.faults.commandErrorRate(rateArg("--command-error-rate", v)));
        opt(
                "--command-cancel-rate",
                "RATE",
                "Rate of commands ending in cancelled (default 0).",
                (c, v) -> c.faults.commandCancelRate(rateArg("--command-cancel-rate", v)));
        opt(
                "--command-error-message",
                "TEXT",
                "Log text of failed commands (default 'error occured, issue reported (117)').",
                (c, v) -> c.faults.commandErrorMessage(v));
        opt(
                "--queue-404-window",
                "DURATION",
                "The queue answers 404 for a new command this long (default 0s).",
                (c, v) -> c.faults.queue404Window(DurationRange.parseDuration(v)));
        opt(
                "--queue-bad-shape",
                "SHAPE",
                "Queue answers empty-array, empty-object, numeric-status or two-items.",
                (c, v) ->
                        c.faults.queueBadShape(
                                enumArg("--queue-bad-shape", QueueBadShape.class, v)));
        opt(
                "--list-passthrough-error-body",
                null,
                "The server list answers 200 {\"errors\":[...]}.",
                (c, v) -> c.faults.listPassthroughErrorBody(true));
        opt(
                "--name-collision-suffix",
                "MODE",
                "On a taken name create off (duplicate), paren 'name(1)',"
                        + " space-paren 'name (1)' or dash 'name-1' (default off).",
                (c, v) ->
                        c.faults.nameCollisionSuffix(
                                enumArg("--name-collision-suffix", NameCollisionSuffix.class, v)));
        opt(
                "--visibility-lag",
                "RANGE",
                "List/info show a command's effect this long after completion (default 0s).",
                (c, v) -> c.faults.visibilityLag(DurationRange.parse(v)));
        opt(
                "--quota-servers",
                "N",
                "Most servers on the account (default 0 = unlimited).",
                (c, v) -> {
                    Quota q = c.faults.quota();
                    c.faults.quota(
                            new Quota(
                                    intArg("--quota-servers", v),
                                    q.maxCpuCores(),
                                    q.maxRamMb(),
                                    q.mode()));
                });
        opt(
                "--quota-cpu-cores",
                "N",
                "Most CPU cores on the account (default 0 = unlimited).",
                (c, v) -> {
                    Quota q = c.faults.quota();
                    c.faults.quota(
                            new Quota(
                                    q.maxServers(),
                                    intArg("--quota-cpu-cores", v),
                                    q.maxRamMb(),
                                    q.mode()));
                });
        opt(
                "--quota-ram-mb",
                "N",
                "Most RAM (MB) on the account (default 0 = unlimited).",
                (c, v) -> {
                    Quota q = c.faults.quota();
                    c.faults.quota(
                            new Quota(
                                    q.maxServers(),
                                    q.maxCpuCores(),
                                    longArg("--quota-ram-mb", v),
                                    q.mode()));
                });
        opt(
                "--quota-mode",
                "MODE",
                "Exceeded quota shows as command-error (default) or sync-500.",
                (c, v) -> {
                    Quota q = c.faults.quota();
                    c.faults.quota(
                            new Quota(
                                    q.maxServers(),
                                    q.maxCpuCores(),
                                    q.maxRamMb(),
                                    enumArg("--quota-mode", Quota.QuotaMode.class, v)));
                });
        opt(
                "--legacy-tag-keys",
                null,
                "Tags answer with the old keys \"server id\"/\"tag name\".",
                (c, v) -> c.faults.legacyTagKeys(true));
        opt(
                "--fanout-failure-at",
                "K",
                "Power/terminate fail with 500 at the K-th matched server (default 0 = off).",
                (c, v) -> c.faults.fanOutFailureAt(intArg("--fanout-failure-at", v)));
        opt(
                "--auth-failure-status",
                "500|401",
                "Status of a failed login (default 500).",
                (c, v) -> c.faults.authFailureStatus(intArg("--auth-failure-status", v)));
        opt(
                "--auth-list-passthrough",
                null,
                "A failed login on the server list answers 200 with the error JSON.",
                (c, v) -> c.faults.authListPassthrough(true));
        opt(
                "--terminate-without-force",
                "MODE",
                "Terminate without force of a running server: command-error"
                        + " (default), sync-500 or allow.",
                (c, v) ->
                        c.faults.terminateWithoutForce(
                                enumArg(
                                        "--terminate-without-force",
                                        TerminateWithoutForce.class,
                                        v)));
    }

    private SimulatorCommandLine() {}

    static Config parse(String[] args, Map<String, String> env) {
        Config c = new Config();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            Option o = OPTIONS.get(a);
            if (o == null) {
                throw new IllegalArgumentException("unknown option '" + a + "' (see --help)");
            }
            if (o.arg() != null && value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value " + o.arg());
                }
                value = args[++i];
            } else if (o.arg() == null && value != null) {
                throw new IllegalArgumentException("option " + a + " takes no value");
            }
            o.apply().accept(c, value);
        }
        if (c.help) {
            return c;
        }
        if (c.secret == null) {
            c.secret = env.get(SECRET_ENV);
        }
        if (!c.noAuth
                && (c.clientId == null
                        || c.clientId.isEmpty()
                        || c.secret == null
                        || c.secret.isEmpty())) {
            throw new IllegalArgumentException(
                    "--client-id and --secret (or "
                            + SECRET_ENV
                            + ") are required,"
                            + " or pass --no-auth");
        }
        return c;
    }

    static String usage() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: java -jar kamatera-simulator.jar [options]\n")
                .append("A fake Kamatera cloudcli API (https://cloudcli.cloudwm.com) for tests.\n")
                .append("RANGE is a duration or MIN..MAX, e.g. 30s, 250ms, 2m, 90s..180s.\n")
                .append("EP is an endpoint: ")
                .append(
                        String.join(
                                ", ",
                                Arrays.stream(Endpoint.values()).map(Endpoint::cliName).toList()))
                .append(", or all.\n\nOptions:\n");
        for (Option o : OPTIONS.values()) {
            String left = o.name() + (o.arg() == null ? "" : " " + o.arg());
            b.append(String.format(Locale.ROOT, "  %-40s %s%n", left, o.help()));
        }
        return b.toString();
    }

    private static void perEndpoint(String v, String option, BiConsumer<Endpoint, String> apply) {
        int eq = v.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " expects ENDPOINT=VALUE, got '" + v + "'");
        }
        String ep = v.substring(0, eq);
        String value = v.substring(eq + 1);
        if (ep.equalsIgnoreCase("all")) {
            for (Endpoint e : Endpoint.values()) {
                apply.accept(e, value);
            }
            return;
        }
        try {
            apply.accept(Endpoint.fromCliName(ep), value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static ServerSetup serverArg(String v) {
        Map<String, List<String>> kv = new LinkedHashMap<>();
        for (String part : v.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "--server: expected key=value, got '" + part + "' in '" + v + "'");
            }
            kv.computeIfAbsent(part.substring(0, eq), k -> new ArrayList<>())
                    .add(part.substring(eq + 1));
        }
        List<String> name = kv.remove("name");
        if (name == null) {
            throw new IllegalArgumentException("--server: name=NAME is required in '" + v + "'");
        }
        ServerSetup s = ServerSetup.named(name.get(0));
        for (Map.Entry<String, List<String>> e : kv.entrySet()) {
            String val = e.getValue().get(0);
            switch (e.getKey()) {
                case "dc" -> s.datacenter(val);
                case "power" -> s.power(val);
                case "cpu" -> s.cpu(val);
                case "ram" -> s.ramMb(intArg("--server ram", val));
                case "tag" -> s.tags(e.getValue().toArray(String[]::new));
                default ->
                        throw new IllegalArgumentException(
                                "--server: unknown key '"
                                        + e.getKey()
                                        + "' (expected name, dc, power, cpu, ram, tag)");
            }
        }
        return s;
    }

    private static int intArg(String option, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " expects a whole number, got '" + v + "'", e);
        }
    }

    private static long longArg(String option, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " expects a whole number, got '" + v + "'", e);
        }
    }

    private static double rateArg(String option, String v) {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " expects a rate between 0 and 1, got '" + v + "'", e);
        }
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException(
                    option + " expects a rate between 0 and 1, got '" + v + "'");
        }
        return d;
    }

    private static <E extends Enum<E>> E enumArg(String option, Class<E> type, String v) {
        String name = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    option
                            + ": unknown value '"
                            + v
                            + "'; expected one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(x -> x.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                    .toList(),
                    e);
        }
    }
}
