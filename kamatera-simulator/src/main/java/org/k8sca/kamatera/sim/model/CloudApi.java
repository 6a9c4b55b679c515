package org.k8sca.kamatera.sim.model;

import org.k8sca.kamatera.sim.knobs.CommandKind;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Quota;
import org.k8sca.kamatera.sim.knobs.TerminateWithoutForce;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each cloudcli endpoint does to the account and answers (E1–E9, behaviours B2–B13). Every
 * method brings the account up to date first, holds the account's lock, and either returns the HTTP
 * 200 JSON body or throws {@link ApiError}.
 */
public final class CloudApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter QUEUE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Account account;
    private final CreateRequestParser createParser;

    public CloudApi(Account account) {
        this.account = account;
        this.createParser = new CreateRequestParser(account.catalog);
    }

    public Account account() {
        return account;
    }

    /** E9: {@code GET /}. */
    public JsonNode root() {
        ObjectNode o = NODES.objectNode();
        o.put("ready", true);
        return o;
    }

    /** E9: {@code GET /schema}; the command list is left empty. */
    public JsonNode schema() {
        synchronized (account) {
            ObjectNode o = NODES.objectNode();
            ArrayNode v = o.putArray("schema_version");
            v.add(1);
            v.add(2);
            v.add(2);
            o.putArray("commands");
            o.put("schema_generated_at", account.advance().toString());
            return o;
        }
    }

    /** E1: {@code GET /service/servers}, exactly {@code id, datacenter, name, power}. */
    public JsonNode listServers() {
        synchronized (account) {
            account.advance();
            if (account.faults.listPassthroughErrorBody()) {
                return ApiError.backendErrors("error occured, issue reported", 1);
            }
            ArrayNode a = NODES.arrayNode();
            for (SimServer s : account.listed()) {
                ObjectNode o = a.addObject();
                o.put("id", s.id);
                o.put("datacenter", s.datacenter);
                o.put("name", s.name);
                o.put("power", s.shownPower(account.now()));
            }
            return a;
        }
    }

    /** E2: {@code POST /service/server/info}, the 15-key objects. */
    public JsonNode serverInfo(ApiInput in) {
        synchronized (account) {
            account.advance();
            ArrayNode a = NODES.arrayNode();
            for (SimServer s :
                    account.select(
                            in,
                            Endpoint.SERVER_INFO.commandMethod(),
                            in.truthy("allow-no-servers"))) {
                a.add(info(s));
            }
            return a;
        }
    }

    private ObjectNode info(SimServer s) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id);
        o.put("name", s.name);
        o.put("datacenter", s.datacenter);
        o.put("power", s.shownPower(account.now()));
        o.put("cpu", s.cpu);
        o.put("ram", s.ramMb);
        ArrayNode disks = o.putArray("diskSizes");
        s.diskSizes.forEach(disks::add);
        ArrayNode nets = o.putArray("networks");
        for (NetworkAttachment n : s.networks) {
            ObjectNode e = nets.addObject();
            e.put("network", n.network());
            ArrayNode ips = e.putArray("ips");
            n.ips().forEach(ips::add);
        }
        o.put("billing", s.billing);
        o.put("traffic", s.traffic);
        o.put("managed", s.managed ? "1" : "0");
        o.put("backup", s.backup ? "1" : "0");
        double hourly =
                s.cpuCores() * 0.0035
                        + s.ramMb / 1024.0 * 0.0025
                        + s.diskSizes.stream().mapToInt(Integer::intValue).sum() * 0.00007;
        String hourlyText = String.format(Locale.ROOT, "%.3f", hourly);
        o.put("priceMonthlyOn", String.format(Locale.ROOT, "%.2f", hourly * 720));
        o.put("priceHourlyOn", hourlyText);
        o.put("priceHourlyOff", hourlyText); // the proxy's bug: filled from hourlyOn
        return o;
    }

    /** The result of a create: the 200 body and the queued command's id. */
    public record Created(JsonNode body, long commandId) {}

    /** E3: {@code POST /service/server} (B4, B5, B6, B13). */
    public Created createServer(ApiInput in) {
        synchronized (account) {
            account.advance();
            CreateOrder order = createParser.parse(in);
            String quotaProblem = quotaProblem(order);
            Quota quota = account.faults.quota();
            if (quotaProblem != null && quota.mode() == Quota.QuotaMode.SYNC_500) {
                throw ApiError.backendCreate(quotaProblem, 21);
            }
            String name = order.name();
            if (account.nameTaken(name)) {
                var suffix = account.faults.nameCollisionSuffix();
                for (int n = 1; account.nameTaken(name); n++) {
                    name = suffix.apply(order.name(), n);
                    if (name.equals(order.name())) {
                        break; // suffix OFF: duplicates allowed
                    }
                }
            }
            List<NetworkAttachment> nets = new ArrayList<>();
            int lanHost = 10;
            for (CreateOrder.NetworkRequest r : order.networks()) {
                if (r.name().equals("wan")) {
                    String ip = r.ip().equals("auto") ? account.newWanIp() : r.ip();
                    nets.add(
                            new NetworkAttachment(
                                    "wan-" + order.datacenter().toLowerCase(Locale.ROOT),
                                    List.of(ip)));
                } else {
                    String ip = r.ip().equals("auto") ? "172.16.0." + (lanHost++) : r.ip();
                    nets.add(new NetworkAttachment(r.name(), List.of(ip)));
                }
            }
            SimServer s =
                    new SimServer(
                            account.newServerId(),
                            name,
                            order.datacenter(),
                            order.cpu(),
                            order.ramMb(),
                            order.diskSizes(),
                            nets,
                            order.billing(),
                            order.traffic(),
                            order.managed(),
                            order.dailyBackup(),
                            "off");
            s.state = ServerState.CREATING;
            s.tags.addAll(order.tags());
            account.add(s);
            SimCommand c = account.queue(CommandKind.CREATE, s, createLog(order, name, nets));
            c.powerOnAfterCreate = order.powerOn();
            if (quotaProblem != null) {
                c.outcome = "error";
                c.failureText = quotaProblem + " (21)";
            }
            if (order.generatePassword()) {
                ObjectNode o = NODES.objectNode();
                o.putArray("commandIds").add(Long.toString(c.id));
                o.put("password", PasswordGenerator.generate(account.random));
                return new Created(o, c.id);
            }
            ArrayNode a = NODES.arrayNode();
            a.add(Long.toString(c.id));
            return new Created(a, c.id);
        }
    }

    private String quotaProblem(CreateOrder order) {
        Quota q = account.faults.quota();
        List<SimServer> all = account.allServers();
        all.removeIf(s -> s.state == ServerState.TERMINATED);
        if (q.maxServers() > 0 && all.size() + 1 > q.maxServers()) {
            return "Account quota exceeded: at most " + q.maxServers() + " servers";
        }
        int cores = all.stream().mapToInt(SimServer::cpuCores).sum() + order.cpuCores();
        if (q.maxCpuCores() > 0 && cores > q.maxCpuCores()) {
            return "Account quota exceeded: at most " + q.maxCpuCores() + " CPU cores";
        }
        long ram = all.stream().mapToLong(s -> s.ramMb).sum() + order.ramMb();
        if (q.maxRamMb() > 0 && ram > q.maxRamMb()) {
            return "Account quota exceeded: at most " + q.maxRamMb() + " MB RAM";
        }
        return null;
    }

    private List<String> createLog(CreateOrder o, String actualName, List<NetworkAttachment> nets) {
        List<String> lines = new ArrayList<>();
        lines.add("Name: " + actualName);
        lines.add("Zone: " + o.datacenter());
        lines.add("CPU: " + o.cpuCores() + (o.cpu().endsWith("D") ? " Dedicated" : ""));
        lines.add("RAM: " + o.ramMb() + "MB");
        lines.add("Image Name: " + o.image().description());
        for (int i = 0; i < o.diskSizes().size(); i++) {
            lines.add("Disk #" + (i + 1) + ": " + o.diskSizes().get(i) + "GB");
        }
        for (int i = 0; i < nets.size(); i++) {
            NetworkAttachment n = nets.get(i);
            lines.add(
                    "Network #"
                            + (i + 1)
                            + ": "
                            + n.network()
                            + " - "
                            + n.ips().get(0)
                            + " @ 255.255.255.0");
        }
        lines.add("Daily Backup: " + (o.dailyBackup() ? "Yes" : "No"));
        lines.add("Management Services: " + (o.managed() ? "Yes" : "No"));
        if (o.billing().equals("monthly")) {
            lines.add("Billing: Monthly");
            lines.add("Traffic Package: " + account.catalog.trafficInfo(o.traffic()));
        } else {
            lines.add("Billing: Hourly");
        }
        lines.add("Server created");
        return lines;
    }

    /** E4: {@code POST /service/server/terminate} (B8, B12). */
    public JsonNode terminate(ApiInput in) {
        synchronized (account) {
            account.advance();
            String method = Endpoint.TERMINATE.commandMethod();
            List<SimServer> targets = account.select(in, method, false);
            boolean force = in.equalsTrueLoosely("force");
            if (in.equalsTrueLoosely("dryrun")) {
                ObjectNode o = NODES.objectNode();
                o.put("dryrun", true);
                ArrayNode names = o.putArray("server-names");
                if (in.has("name")) {
                    targets.forEach(s -> names.add(s.name));
                }
                return o;
            }
            ArrayNode ids = NODES.arrayNode();
            int k = 0;
            for (SimServer s : targets) {
                failFanOutIfAsked(++k);
                if (!force
                        && s.actualPower.equals("on")
                        && account.faults.terminateWithoutForce()
                                == TerminateWithoutForce.SYNC_500) {
                    throw ApiError.backend("server is powered on", 14);
                }
                SimCommand c =
                        account.queue(
                                CommandKind.TERMINATE,
                                s,
                                List.of("Terminating server " + s.name, "Server terminated"));
                c.force = force;
                ids.add(Long.toString(c.id));
            }
            return ids;
        }
    }

    /** E5: {@code POST /service/server/poweron|poweroff|reboot} (B7, B12). */
    public JsonNode power(CommandKind kind, ApiInput in) {
        synchronized (account) {
            account.advance();
            List<SimServer> targets = account.select(in, Endpoint.POWER_ON.commandMethod(), false);
            ArrayNode ids = NODES.arrayNode();
            int k = 0;
            for (SimServer s : targets) {
                failFanOutIfAsked(++k);
                String verb =
                        kind == CommandKind.POWER_ON
                                ? "on"
                                : kind == CommandKind.POWER_OFF ? "off" : "restart";
                SimCommand c =
                        account.queue(
                                kind,
                                s,
                                List.of(
                                        "Power " + verb + " server " + s.name,
                                        "Server power " + verb + " complete"));
                ids.add(Long.toString(c.id));
            }
            return ids;
        }
    }

    private void failFanOutIfAsked(int k) {
        if (account.faults.fanOutFailureAt() == k) {
            throw ApiError.backend("error occured, issue reported", 117);
        }
    }

    /** E6: {@code POST /server/tags} (B10): add, then remove, then the tags after the change. */
    public JsonNode tags(ApiInput in) {
        synchronized (account) {
            account.advance();
            List<SimServer> found = account.select(in, Endpoint.TAGS.commandMethod(), false);
            if (found.size() > 1) {
                throw ApiError.message(
                        500, "Too many matching servers (name='" + in.string("name") + "')");
            }
            SimServer s = found.get(0);
            String add = in.string("add");
            if (add != null) {
                if (!CreateRequestParser.TAG.matcher(add).matches()) {
                    throw ApiError.backendJsonString("Invalid tag name", 12);
                }
                s.tags.add(add);
            }
            String remove = in.string("remove");
            if (remove != null) {
                s.tags.remove(remove);
            }
            boolean legacy = account.faults.legacyTagKeys();
            ArrayNode a = NODES.arrayNode();
            for (String t : s.tags) {
                ObjectNode o = a.addObject();
                o.put(legacy ? "server id" : "id", s.id);
                o.put(legacy ? "tag name" : "tagName", t);
            }
            return a;
        }
    }

    /** E7: {@code GET /service/queue?id=…}; several ids are space-separated. */
    public JsonNode queue(ApiInput in) {
        synchronized (account) {
            account.advance();
            ArrayNode a = NODES.arrayNode();
            String ids = in.string("id");
            if (ids == null) {
                return a;
            }
            boolean onlyLog = in.equalsTrueLoosely("log");
            for (String idText : ids.trim().split("\\s+")) {
                SimCommand c;
                try {
                    c =
                            account.command(Long.parseLong(idText))
                                    .orElseThrow(ApiError::queueNotFound);
                } catch (NumberFormatException e) {
                    throw ApiError.queueNotFound();
                }
                if (!c.registered(account.now())) {
                    throw ApiError.queueNotFound();
                }
                a.add(onlyLog ? logOnly(c) : queueItem(c));
            }
            return a;
        }
    }

    private ObjectNode logOnly(SimCommand c) {
        ObjectNode o = NODES.objectNode();
        o.put("log", c.log(account.now()));
        return o;
    }

    private ObjectNode queueItem(SimCommand c) {
        Instant now = account.now();
        String status = c.status(now);
        ObjectNode o = NODES.objectNode();
        o.put("id", c.id);
        o.put("status", status);
        o.put("server", c.serverName);
        o.put("description", c.kind.description());
        o.put("added", time(c.added));
        o.put("executed", now.isBefore(c.executeAt) && !c.finished ? "" : time(c.executeAt));
        o.put("completed", c.finished ? time(c.completeAt) : "");
        o.put("log", c.log(now));
        return o;
    }

    private String time(Instant t) {
        return LocalDateTime.ofInstant(t, account.timings.timestampZone()).format(QUEUE_TIME);
    }

    /** E8: {@code GET /service/server} and its variants, checked in cloudcli's order. */
    public JsonNode options(ApiInput in) {
        synchronized (account) {
            account.advance();
            Catalog cat = account.catalog;
            if (in.truthy("capabilities")) {
                requireDatacenter(in.string("datacenter"));
                return cat.capabilities();
            }
            if (in.truthy("sizes")) {
                requireDatacenter(in.string("datacenter"));
                return cat.sizes();
            }
            if (in.truthy("images")) {
                String dc = in.string("datacenter") == null ? "EU" : in.string("datacenter");
                requireDatacenter(dc);
                return cat.images(dc);
            }
            if (in.truthy("datacenter")) {
                return cat.datacenterList(); // quirk: ?datacenter=EU alone also lists datacenters
            }
            return cat.fullOptions();
        }
    }

    private void requireDatacenter(String dc) {
        if (dc == null || account.catalog.datacenter(dc).isEmpty()) {
            throw ApiError.failedMethod(Endpoint.SERVER_OPTIONS.commandMethod());
        }
    }
}
