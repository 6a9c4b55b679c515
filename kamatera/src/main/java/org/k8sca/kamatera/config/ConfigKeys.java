package org.k8sca.kamatera.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every variable the Kamatera provider knows, per section, with the way gcfg stores it. Names are
 * the canonical lower-case spellings; the file may use any case.
 */
final class ConfigKeys {
    private ConfigKeys() {}

    static final String GLOBAL_SECTION = "global";
    static final String NODEGROUP_SECTION = "nodegroup";

    // [global]
    static final String API_CLIENT_ID = "kamatera-api-client-id";
    static final String API_SECRET = "kamatera-api-secret";
    static final String API_URL = "kamatera-api-url";
    static final String CLUSTER_NAME = "cluster-name";
    static final String FILTER_NAME_PREFIX = "filter-name-prefix";
    static final String PROVIDER_ID_PREFIX = "provider-id-prefix";
    static final String DEFAULT_MIN_SIZE = "default-min-size";
    static final String DEFAULT_MAX_SIZE = "default-max-size";

    // both sections (node-group spelling; the global default is "default-" + this, except power
    // keys)
    static final String POWEROFF_ON_SCALE_DOWN = "poweroff-on-scale-down";
    static final String POWERON_ON_SCALE_UP = "poweron-on-scale-up";
    static final String NAME_PREFIX = "name-prefix";
    static final String PASSWORD = "password";
    static final String SSH_KEY = "ssh-key";
    static final String DATACENTER = "datacenter";
    static final String IMAGE = "image";
    static final String CPU = "cpu";
    static final String RAM = "ram";
    static final String DISK = "disk";
    static final String DAILYBACKUP = "dailybackup";
    static final String MANAGED = "managed";
    static final String NETWORK = "network";
    static final String BILLINGCYCLE = "billingcycle";
    static final String MONTHLYPACKAGE = "monthlypackage";
    static final String SCRIPT_BASE64 = "script-base64";

    // [nodegroup "name"] only
    static final String MIN_SIZE = "min-size";
    static final String MAX_SIZE = "max-size";
    static final String POWEROFF_MAX_SERVERS = "poweroff-on-scale-down-max-servers";
    static final String TEMPLATE_LABEL = "template-label";

    // Our additions (not in upstream): template nodes, pricing and refresh economy.
    static final String MIN_REFRESH_INTERVAL = "min-refresh-interval";
    static final String KUBE_RESERVED = "kube-reserved";
    static final String SYSTEM_RESERVED = "system-reserved";
    static final String EVICTION_HARD = "eviction-hard";
    static final String TEMPLATE_TAINT = "template-taint";
    static final String PRICE_PER_HOUR = "price-per-hour";

    static final Map<String, ValueKind> GLOBAL =
            keys(
                    API_CLIENT_ID,
                    ValueKind.STRING,
                    API_SECRET,
                    ValueKind.STRING,
                    API_URL,
                    ValueKind.STRING,
                    CLUSTER_NAME,
                    ValueKind.STRING,
                    FILTER_NAME_PREFIX,
                    ValueKind.STRING,
                    PROVIDER_ID_PREFIX,
                    ValueKind.STRING,
                    POWEROFF_ON_SCALE_DOWN,
                    ValueKind.GCFG_BOOL,
                    POWERON_ON_SCALE_UP,
                    ValueKind.GCFG_BOOL,
                    DEFAULT_MIN_SIZE,
                    ValueKind.STRING,
                    DEFAULT_MAX_SIZE,
                    ValueKind.STRING,
                    defaultOf(NAME_PREFIX),
                    ValueKind.STRING,
                    defaultOf(PASSWORD),
                    ValueKind.STRING,
                    defaultOf(SSH_KEY),
                    ValueKind.STRING,
                    defaultOf(DATACENTER),
                    ValueKind.STRING,
                    defaultOf(IMAGE),
                    ValueKind.STRING,
                    defaultOf(CPU),
                    ValueKind.STRING,
                    defaultOf(RAM),
                    ValueKind.STRING,
                    defaultOf(DISK),
                    ValueKind.LIST,
                    defaultOf(DAILYBACKUP),
                    ValueKind.GCFG_BOOL,
                    defaultOf(MANAGED),
                    ValueKind.GCFG_BOOL,
                    defaultOf(NETWORK),
                    ValueKind.LIST,
                    defaultOf(BILLINGCYCLE),
                    ValueKind.STRING,
                    defaultOf(MONTHLYPACKAGE),
                    ValueKind.STRING,
                    defaultOf(SCRIPT_BASE64),
                    ValueKind.STRING,
                    MIN_REFRESH_INTERVAL,
                    ValueKind.STRING,
                    defaultOf(KUBE_RESERVED),
                    ValueKind.STRING,
                    defaultOf(SYSTEM_RESERVED),
                    ValueKind.STRING,
                    defaultOf(EVICTION_HARD),
                    ValueKind.STRING,
                    defaultOf(TEMPLATE_TAINT),
                    ValueKind.LIST,
                    defaultOf(PRICE_PER_HOUR),
                    ValueKind.STRING);

    static final Map<String, ValueKind> NODEGROUP =
            keys(
                    MIN_SIZE, ValueKind.STRING,
                    MAX_SIZE, ValueKind.STRING,
                    POWEROFF_ON_SCALE_DOWN, ValueKind.STRING,
                    POWEROFF_MAX_SERVERS, ValueKind.STRING,
                    POWERON_ON_SCALE_UP, ValueKind.STRING,
                    NAME_PREFIX, ValueKind.STRING,
                    PASSWORD, ValueKind.STRING,
                    SSH_KEY, ValueKind.STRING,
                    DATACENTER, ValueKind.STRING,
                    IMAGE, ValueKind.STRING,
                    CPU, ValueKind.STRING,
                    RAM, ValueKind.STRING,
                    DISK, ValueKind.LIST,
                    DAILYBACKUP, ValueKind.GCFG_BOOL,
                    MANAGED, ValueKind.GCFG_BOOL,
                    NETWORK, ValueKind.LIST,
                    BILLINGCYCLE, ValueKind.STRING,
                    MONTHLYPACKAGE, ValueKind.STRING,
                    SCRIPT_BASE64, ValueKind.STRING,
                    TEMPLATE_LABEL, ValueKind.LIST,
                    KUBE_RESERVED, ValueKind.STRING,
                    SYSTEM_RESERVED, ValueKind.STRING,
                    EVICTION_HARD, ValueKind.STRING,
                    TEMPLATE_TAINT, ValueKind.LIST,
                    PRICE_PER_HOUR, ValueKind.STRING);

    /** The {@code [global]} key that gives a node-group key its default. */
    static String defaultOf(String nodeGroupKey) {
        return "default-" + nodeGroupKey;
    }

    /** The canonical spelling of {@code written} among {@code known}, or null when unknown. */
    static String canonical(Map<String, ValueKind> known, String written) {
        for (String key : known.keySet()) {
            if (key.equalsIgnoreCase(written)) {
                return key;
            }
        }
        return null;
    }

    private static Map<String, ValueKind> keys(Object... pairs) {
        Map<String, ValueKind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (ValueKind) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
