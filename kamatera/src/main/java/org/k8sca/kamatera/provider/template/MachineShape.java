package org.k8sca.kamatera.provider.template;

import org.k8sca.kamatera.config.NodeGroupConfig;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hardware of a node group's servers, read from its config: cores and CPU type from {@code cpu}
 * ({@code 4B}), RAM in MB, and the size of the first disk in GB (the boot disk, where kubelet keeps
 * pods' ephemeral storage).
 */
public record MachineShape(int cores, char cpuType, long ramMb, long firstDiskGb) {

    private static final Pattern CPU = Pattern.compile("([0-9]+)([A-Za-z])");

    /**
     * @throws IllegalArgumentException naming the node group and the value when the config is not
     *     understood (the config loader refuses such files, so this is a safety net)
     */
    public static MachineShape of(NodeGroupConfig group) {
        Matcher m = CPU.matcher(group.cpu());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "failed to parse server config cpu "
                            + group.cpu()
                            + " of node group "
                            + group.name());
        }
        long ram;
        try {
            ram = Long.parseLong(group.ram());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "failed to parse server config ram "
                            + group.ram()
                            + " of node group "
                            + group.name());
        }
        long disk = group.disks().isEmpty() ? 0 : sizeOf(group.disks().get(0), group.name());
        return new MachineShape(
                Integer.parseInt(m.group(1)),
                Character.toUpperCase(m.group(2).charAt(0)),
                ram,
                disk);
    }

    /**
     * The {@code size=} of a disk spec such as {@code id=0,size=50}; the last one wins, 0 when
     * none.
     */
    private static long sizeOf(String disk, String group) {
        long size = 0;
        for (String attribute : disk.split(",")) {
            if (attribute.startsWith("size=")) {
                try {
                    size = Long.parseLong(attribute.substring("size=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "failed to parse disk " + disk + " of node group " + group);
                }
            }
        }
        return size;
    }

    /**
     * The {@code node.kubernetes.io/instance-type} value, e.g. {@code 4B-8192} (cpu, then RAM in
     * MB).
     */
    public String instanceType() {
        return cores + String.valueOf(cpuType) + "-" + ramMb;
    }
}
