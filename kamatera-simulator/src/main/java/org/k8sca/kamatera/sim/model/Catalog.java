package org.k8sca.kamatera.sim.model;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small fixed catalogue the simulator offers: datacenters, CPU types with their core counts and
 * RAM sizes, disk sizes, traffic packages, LAN networks and a few images per datacenter. It drives
 * both create validation and the options endpoints (E8). Values imitate the real API's shapes (spec
 * §3.9); the real catalogue is larger.
 */
public final class Catalog {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A datacenter of {@code GET /service/server?datacenter=1}. */
    public record Datacenter(String id, String name, String category, String subCategory) {}

    /** A CPU type with the core counts and RAM sizes (MB) it allows. */
    public record CpuType(
            String id, String name, String description, List<Integer> cores, List<Integer> ramMb) {}

    /** An OS image available in every datacenter; its id is {@code <DC>:<hex>}. */
    public record Image(
            String os, String code, String description, String name, int osDiskSizeGb) {}

    private static final List<Datacenter> DATACENTERS =
            List.of(
                    new Datacenter("AS", "Hong Kong", "Asia", "Hong Kong"),
                    new Datacenter("CA-TR", "Toronto", "North America", "Canada"),
                    new Datacenter("EU", "The Netherlands", "Europe", "Amsterdam"),
                    new Datacenter("EU-FR", "Germany", "Europe", "Frankfurt"),
                    new Datacenter("EU-LO", "United Kingdom", "Europe", "London"),
                    new Datacenter("IL", "Israel", "Middle East", "Rosh Haayin"),
                    new Datacenter("IL-JR", "Israel", "Middle East", "Jerusalem"),
                    new Datacenter("IL-PT", "Israel", "Middle East", "Petach Tikva"),
                    new Datacenter("IL-RH", "Israel", "Middle East", "Rosh Haayin 2"),
                    new Datacenter("IL-TA", "Israel", "Middle East", "Tel Aviv"),
                    new Datacenter("US-NY2", "New York", "North America", "New York"),
                    new Datacenter("US-SC", "Santa Clara", "North America", "Santa Clara"),
                    new Datacenter("US-TX", "Texas", "North America", "Dallas"));

    private static final List<Integer> RAM_ALL =
            List.of(
                    256, 512, 1024, 2048, 3072, 4096, 6144, 8192, 10240, 12288, 16384, 24576, 32768,
                    49152, 65536, 98304, 131072, 196608, 262144, 393216);

    private static final List<CpuType> CPU_TYPES =
            List.of(
                    new CpuType(
                            "A",
                            "Type A - Availability",
                            "Server CPUs assigned to a non-dedicated physical CPU thread with no"
                                    + " resources guaranteed.",
                            List.of(1, 2, 4, 6, 8, 12, 16, 20, 24, 28, 32),
                            RAM_ALL.subList(0, 17)),
                    new CpuType(
                            "B",
                            "Type B - General Purpose",
                            "Server CPUs assigned to a dedicated physical CPU thread with reserved"
                                    + " resources guaranteed.",
                            List.of(1, 2, 4, 6, 8, 12, 16, 20, 24, 28, 32, 36, 40, 48, 56, 64, 72),
                            RAM_ALL),
                    new CpuType(
                            "D",
                            "Type D - Dedicated",
                            "Server CPUs assigned to a dedicated physical CPU core (2 threads) with"
                                    + " reserved resources guaranteed.",
                            List.of(1, 2, 4, 6, 8, 12, 16, 20),
                            RAM_ALL),
                    new CpuType(
                            "T",
                            "Type T - Burstable",
                            "Server CPUs assigned to a dedicated physical CPU thread with reserved"
                                    + " resources guaranteed, burstable.",
                            List.of(1, 2, 4, 6, 8, 12, 16, 20, 24, 28, 32, 36, 40, 48, 56, 64, 72),
                            RAM_ALL));

    private static final List<Integer> DISK_SIZES =
            List.of(
                    5, 10, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200, 250, 300, 350, 400, 450, 500,
                    600, 700, 800, 900, 1000);

    private static final List<Image> IMAGES =
            List.of(
                    new Image(
                            "Ubuntu",
                            "18.04 64bit",
                            "ubuntu_server_18.04_64-bit",
                            "Ubuntu Server version 18.04 LTS (bionic) 64-bit",
                            4),
                    new Image(
                            "Ubuntu",
                            "22.04 64bit",
                            "ubuntu_server_22.04_64-bit",
                            "Ubuntu Server version 22.04 LTS (jammy) 64-bit",
                            5),
                    new Image(
                            "Ubuntu",
                            "24.04 64bit",
                            "ubuntu_server_24.04_64-bit",
                            "Ubuntu Server version 24.04 LTS (noble) 64-bit",
                            5),
                    new Image(
                            "Ubuntu",
                            "24.04 64bit_optimized_updated",
                            "ubuntu_server_24.04_64-bit_optimized_updated",
                            "Ubuntu Server version 24.04 LTS, optimized and updated (takes 5"
                                    + " minutes more)",
                            10),
                    new Image(
                            "Debian",
                            "12 64bit",
                            "debian_server_12_64-bit",
                            "Debian version 12 (bookworm) 64-bit",
                            5));

    /** Traffic package id → description, as in the capabilities answer. */
    private static final Map<String, String> TRAFFIC = new LinkedHashMap<>();

    static {
        TRAFFIC.put("t5000", "5000GB/month on 10Gbit/sec port");
        TRAFFIC.put("b20", "20Mbit/sec unmetered on 10Gbit/sec port");
        TRAFFIC.put("b50", "50Mbit/sec unmetered on 10Gbit/sec port");
    }

    public List<Datacenter> datacenters() {
        return DATACENTERS;
    }

    public Optional<Datacenter> datacenter(String id) {
        return DATACENTERS.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<CpuType> cpuType(String id) {
        return CPU_TYPES.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<Integer> diskSizes() {
        return DISK_SIZES;
    }

    public boolean hasTrafficPackage(String id) {
        return TRAFFIC.containsKey(id);
    }

    /** The traffic package text used in create logs, e.g. "5000GB of traffic". */
    public String trafficInfo(String id) {
        return id.startsWith("t")
                ? id.substring(1) + "GB of traffic"
                : TRAFFIC.getOrDefault(id, id);
    }

    /** The name of the LAN every datacenter offers, e.g. {@code lan-10001-eu-private}. */
    public String lanName(String dc) {
        return "lan-10001-" + dc.toLowerCase(java.util.Locale.ROOT) + "-private";
    }

    /** The image id in a datacenter: {@code <DC>:6000C29<25 hex>}, stable for a description. */
    public String imageId(String dc, Image image) {
        return dc + ":" + bareImageId(dc, image);
    }

    private static String bareImageId(String dc, Image image) {
        try {
            byte[] h =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    (dc + "/" + image.description())
                                            .getBytes(StandardCharsets.UTF_8));
            return "6000C29" + HexFormat.of().formatHex(h).substring(0, 25);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Finds an image of a datacenter by its full id ({@code DC:hex}). */
    public Optional<Image> imageById(String dc, String fullId) {
        return IMAGES.stream().filter(i -> imageId(dc, i).equals(fullId)).findFirst();
    }

    /** Finds an image by its description, e.g. {@code ubuntu_server_24.04_64-bit}. */
    public Optional<Image> imageByDescription(String description) {
        return IMAGES.stream().filter(i -> i.description().equals(description)).findFirst();
    }

    // ---- the options endpoint answers (E8) ----

    /**
     * {@code GET /service/server}: the full options object with exactly the 8 keys of the real API.
     */
    public ObjectNode fullOptions() {
        ObjectNode o = NODES.objectNode();
        ArrayNode billing = o.putArray("billing");
        billing.add("monthly");
        billing.add("hourly");
        ArrayNode cpu = o.putArray("cpu");
        for (CpuType t : CPU_TYPES) {
            for (int c : t.cores()) {
                cpu.add(c + t.id());
            }
        }
        ObjectNode dcs = o.putObject("datacenters");
        DATACENTERS.forEach(d -> dcs.put(d.id(), d.id() + ": " + d.name()));
        ArrayNode disk = o.putArray("disk");
        DISK_SIZES.forEach(disk::add);
        ObjectNode images = o.putObject("diskImages");
        ObjectNode networks = o.putObject("networks");
        ObjectNode traffic = o.putObject("traffic");
        for (Datacenter d : DATACENTERS) {
            ArrayNode list = images.putArray(d.id());
            for (Image i : IMAGES) {
                ObjectNode e = list.addObject();
                e.put("description", i.description());
                e.put("id", imageId(d.id(), i));
                e.put("sizeGB", i.osDiskSizeGb());
                e.put("usageInfo", "");
                e.put("guestDescription", i.name());
                e.put("freeTextOne", "");
                e.put("freeTextTwo", "");
                e.putArray("additionalDisks");
            }
            ArrayNode nets = networks.putArray(d.id());
            ObjectNode wan = nets.addObject();
            wan.put("name", "wan");
            wan.put("ips", "auto");
            ObjectNode lan = nets.addObject();
            lan.put("name", lanName(d.id()));
            ArrayNode ips = lan.putArray("ips");
            for (int n = 5; n < 10; n++) {
                ips.add("172.16.0." + n);
            }
            ArrayNode tr = traffic.putArray(d.id());
            TRAFFIC.forEach(
                    (id, info) -> {
                        ObjectNode t = tr.addObject();
                        t.put("id", id);
                        t.put("info", trafficInfo(id));
                    });
        }
        ObjectNode ram = o.putObject("ram");
        for (CpuType t : CPU_TYPES) {
            ArrayNode list = ram.putArray(t.id());
            t.ramMb().forEach(list::add);
        }
        // Keys in the order the real API sends them (alphabetical, as observed).
        ObjectNode ordered = NODES.objectNode();
        for (String k :
                List.of(
                        "billing",
                        "cpu",
                        "datacenters",
                        "disk",
                        "diskImages",
                        "networks",
                        "ram",
                        "traffic")) {
            ordered.set(k, o.get(k));
        }
        return ordered;
    }

    /** {@code GET /service/server?datacenter=1}. */
    public ArrayNode datacenterList() {
        ArrayNode a = NODES.arrayNode();
        for (Datacenter d : DATACENTERS) {
            ObjectNode e = a.addObject();
            e.put("id", d.id());
            e.put("name", d.name());
            e.put("category", d.category());
            e.put("subCategory", d.subCategory());
        }
        return a;
    }

    /** {@code GET /service/server?capabilities=1&datacenter=DC}. */
    public ObjectNode capabilities() {
        ObjectNode o = NODES.objectNode();
        ArrayNode disks = o.putArray("diskSizeGB");
        DISK_SIZES.forEach(disks::add);
        ObjectNode traffic = o.putObject("monthlyTrafficPackage");
        TRAFFIC.forEach(traffic::put);
        o.put("defaultMonthlyTrafficPackage", "t5000");
        ArrayNode types = o.putArray("cpuTypes");
        for (CpuType t : CPU_TYPES) {
            ObjectNode e = types.addObject();
            e.put("id", t.id());
            e.put("name", t.name());
            e.put("description", t.description());
            ArrayNode cores = e.putArray("cpuCores");
            t.cores().forEach(cores::add);
            ArrayNode ram = e.putArray("ramMB");
            t.ramMb().forEach(ram::add);
        }
        return o;
    }

    /**
     * {@code GET /service/server?sizes=1&datacenter=DC}: three sizes synthesized from CPU type B.
     */
    public ArrayNode sizes() {
        ArrayNode a = NODES.arrayNode();
        addSize(a, "small", 4096, 2, 30);
        addSize(a, "medium", 8192, 4, 60);
        addSize(a, "large", 16384, 8, 100);
        return a;
    }

    private static void addSize(ArrayNode a, String id, int ram, int cores, int disk) {
        ObjectNode e = a.addObject();
        e.put("id", id);
        e.put("ramMB", ram);
        e.put("cpuCores", cores);
        e.put("cpuType", "B");
        e.put("diskSizeGB", disk);
        e.put("monthlyTrafficPackage", "t5000");
    }

    /** {@code GET /service/server?images=1&datacenter=DC} (EU when no datacenter is given). */
    public ArrayNode images(String dc) {
        ArrayNode a = NODES.arrayNode();
        for (Image i : IMAGES) {
            ObjectNode e = a.addObject();
            e.put("datacenter", dc);
            e.put("os", i.os());
            e.put("id", imageId(dc, i));
            e.put("name", i.name());
            e.put("code", i.code());
            e.put("osDiskSizeGB", i.osDiskSizeGb());
            ObjectNode min = e.putObject("ramMBMin");
            for (CpuType t : CPU_TYPES) {
                min.put(t.id(), 512);
            }
        }
        return a;
    }
}
