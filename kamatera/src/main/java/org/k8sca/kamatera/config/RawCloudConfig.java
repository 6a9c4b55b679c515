package org.k8sca.kamatera.config;

import java.util.Map;

/**
 * The file as gcfg would store it into upstream's structs.
 *
 * @param global the {@code [global]} section, or null when the file has none
 * @param nodeGroups by node group name, in the order the groups first appear
 */
record RawCloudConfig(RawSection global, Map<String, RawSection> nodeGroups) {}
