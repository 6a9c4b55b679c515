package org.k8sca.kamatera.sim.model;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates {@code POST /service/server} input the way cloudcli-server and its backend do
 * (behaviour B4), in their order: missing required flags (400, first one only), disk/network syntax
 * (400), yes/no and billing values and image resolution (500 "Failed to run command method
 * (createServer)"), then the backend's checks (500 with {@code json_decode_error}; their texts and
 * codes are the simulator's guesses).
 */
final class CreateRequestParser {
    static final String METHOD = "createServer";
    private static final Pattern CPU = Pattern.compile("(\\d+)([A-Z])");
    private static final Pattern BARE_IMAGE_ID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern PASSWORD_CHARS = Pattern.compile("[a-zA-Z0-9!@#$^&*()~]{10,20}");
    static final Pattern TAG = Pattern.compile("[a-zA-Z0-9\\-_\\s.]{3,24}");

    private final Catalog catalog;

    CreateRequestParser(Catalog catalog) {
        this.catalog = catalog;
    }

    CreateOrder parse(ApiInput in) {
        String name = in.string("name");
        String password = in.string("password");
        String sshKey = in.string("ssh-key");
        String datacenter = in.string("datacenter");
        String image = in.string("image");
        if (name == null) {
            throw ApiError.badRequest("missing required flag (name)");
        }
        if (password == null && sshKey == null) {
            throw ApiError.badRequest("missing required flag (password)");
        }
        if (datacenter == null) {
            throw ApiError.badRequest("missing required flag (datacenter)");
        }
        if (image == null) {
            throw ApiError.badRequest("missing required flag (image)");
        }
        List<Integer> disks = parseDisks(orDefault(in.string("disk"), "id=0,size=20"));
        List<CreateOrder.NetworkRequest> networks =
                parseNetworks(orDefault(in.string("network"), "id=0,name=wan,ip=auto"));

        boolean dailyBackup = yesNo(in, "dailybackup", false);
        boolean managed = yesNo(in, "managed", false);
        boolean powerOn = yesNo(in, "poweronaftercreate", true);
        String billing = orDefault(in.string("billingcycle"), "hourly").toLowerCase(Locale.ROOT);
        if (!billing.equals("hourly") && !billing.equals("monthly")) {
            throw ApiError.failedMethod(METHOD);
        }
        // Hourly servers still report traffic t5000 (observed); monthlypackage only counts for
        // monthly.
        String traffic =
                billing.equals("monthly")
                        ? orDefault(in.string("monthlypackage"), "t5000")
                        : "t5000";

        Catalog.Image img = resolveImage(datacenter, image);
        String imageId = catalog.imageId(datacenter, img);

        // The backend's own checks.
        if (catalog.datacenter(datacenter).isEmpty()) {
            throw ApiError.backendCreate("Invalid datacenter", 4);
        }
        String cpu = orDefault(in.string("cpu"), "1B");
        var m = CPU.matcher(cpu);
        if (!m.matches()) {
            throw ApiError.backendCreate("Invalid CPU", 5);
        }
        Catalog.CpuType type =
                catalog.cpuType(m.group(2))
                        .orElseThrow(() -> ApiError.backendCreate("Invalid CPU type", 5));
        if (!type.cores().contains(Integer.parseInt(m.group(1)))) {
            throw ApiError.backendCreate("Invalid number of CPU cores", 5);
        }
        int ram = parseRam(orDefault(in.string("ram"), "1024"));
        if (!type.ramMb().contains(ram)) {
            throw ApiError.backendCreate("Invalid RAM size", 6);
        }
        for (int size : disks) {
            if (!catalog.diskSizes().contains(size)) {
                throw ApiError.backendCreate("Invalid disk size", 7);
            }
        }
        if (!catalog.hasTrafficPackage(traffic)) {
            throw ApiError.backendCreate("Invalid traffic package", 8);
        }
        boolean generate =
                "__generate__".equals(password)
                        && "__generate__".equals(in.string("passwordValidate"));
        if (password != null && !generate && !validPassword(password)) {
            throw ApiError.backendCreate(
                    "Invalid password: 10-20 characters of a-z, A-Z, 0-9, !@#$^&*()~ with at least"
                            + " one upper case letter, one lower case letter and one digit",
                    11);
        }
        List<String> tags = new ArrayList<>();
        String tagValue = in.string("tag");
        if (tagValue != null) {
            for (String t : tagValue.split("\\s+")) {
                if (!TAG.matcher(t).matches()) {
                    throw ApiError.backendCreate("Invalid tag name", 12);
                }
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            }
        }
        return new CreateOrder(
                name,
                generate,
                datacenter,
                img,
                imageId,
                cpu,
                ram,
                disks,
                networks,
                dailyBackup,
                managed,
                billing,
                traffic,
                powerOn,
                tags);
    }

    private Catalog.Image resolveImage(String datacenter, String image) {
        if (image.contains(":")) {
            if (!image.startsWith(datacenter + ":")) {
                throw ApiError.failedMethod(METHOD); // image/datacenter mismatch
            }
            return catalog.imageById(datacenter, image)
                    .orElseThrow(() -> ApiError.backendCreate("Invalid disk image", 9));
        }
        if (BARE_IMAGE_ID.matcher(image).matches()) {
            return catalog.imageById(datacenter, datacenter + ":" + image)
                    .orElseThrow(() -> ApiError.backendCreate("Invalid disk image", 9));
        }
        return catalog.imageByDescription(image).orElseThrow(() -> ApiError.failedMethod(METHOD));
    }

    private static List<Integer> parseDisks(String value) {
        List<Integer> sizes = new ArrayList<>();
        for (Map<String, String> item : ItemListField.parse("disk", value)) {
            String size = item.get("size");
            try {
                sizes.add(Integer.parseInt(size));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("invalid flag value (disk=" + value + ")");
            }
        }
        return sizes;
    }

    private static List<CreateOrder.NetworkRequest> parseNetworks(String value) {
        List<CreateOrder.NetworkRequest> nets = new ArrayList<>();
        for (Map<String, String> item : ItemListField.parse("network", value)) {
            String name = item.get("name");
            if (name == null || name.isEmpty()) {
                throw ApiError.badRequest("invalid flag value (network=" + value + ")");
            }
            nets.add(new CreateOrder.NetworkRequest(name, item.getOrDefault("ip", "auto")));
        }
        return nets;
    }

    /** A yes/no field: missing → default; a string yes/no (any case); anything else → 500. */
    private static boolean yesNo(ApiInput in, String key, boolean dflt) {
        JsonNode v = in.raw(key);
        if (v == null) {
            return dflt;
        }
        if (v.isString()) {
            String s = v.stringValue().toLowerCase(Locale.ROOT);
            if (s.equals("yes")) {
                return true;
            }
            if (s.equals("no")) {
                return false;
            }
        }
        throw ApiError.failedMethod(METHOD);
    }

    private static int parseRam(String ram) {
        try {
            return Integer.parseInt(ram);
        } catch (NumberFormatException e) {
            throw ApiError.backendCreate("Invalid RAM size", 6);
        }
    }

    static boolean validPassword(String p) {
        return PASSWORD_CHARS.matcher(p).matches()
                && p.chars().anyMatch(Character::isUpperCase)
                && p.chars().anyMatch(Character::isLowerCase)
                && p.chars().anyMatch(Character::isDigit);
    }

    private static String orDefault(String value, String dflt) {
        return value == null ? dflt : value;
    }
}
