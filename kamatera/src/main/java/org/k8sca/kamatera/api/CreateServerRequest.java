package org.k8sca.kamatera.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to create one server ({@code POST /service/server}). The HTTP client turns it
 * into the exact body upstream sends; see {@code org.k8sca.kamatera.api.http.CreateServerBody}.
 *
 * @param name the server name to create
 * @param password the root password; empty means "let Kamatera generate one" ({@code __generate__})
 * @param sshKey public key text, or empty
 * @param ram RAM in MB, as text (e.g. {@code 4096})
 * @param disks disk specs such as {@code size=50}; none may contain a space
 * @param networks network specs such as {@code name=wan,ip=auto}; none may contain a space
 * @param billingCycle {@code hourly} or {@code monthly}; empty means hourly
 * @param monthlyPackage traffic package for monthly billing, or empty
 * @param script the DECODED init script text run at first boot, or empty
 * @param tags tag names (cluster tag, then node group tag); none may contain a space
 */
public record CreateServerRequest(
        String name,
        Secret password,
        String sshKey,
        String datacenter,
        String image,
        String cpu,
        String ram,
        List<String> disks,
        boolean dailyBackup,
        boolean managed,
        List<String> networks,
        String billingCycle,
        String monthlyPackage,
        Secret script,
        List<String> tags) {

    public CreateServerRequest {
        Objects.requireNonNull(name, "name");
        password = password == null ? Secret.empty() : password;
        sshKey = Objects.requireNonNullElse(sshKey, "");
        datacenter = Objects.requireNonNullElse(datacenter, "");
        image = Objects.requireNonNullElse(image, "");
        cpu = Objects.requireNonNullElse(cpu, "");
        ram = Objects.requireNonNullElse(ram, "");
        disks = List.copyOf(disks);
        networks = List.copyOf(networks);
        billingCycle = Objects.requireNonNullElse(billingCycle, "");
        monthlyPackage = Objects.requireNonNullElse(monthlyPackage, "");
        script = script == null ? Secret.empty() : script;
        tags = List.copyOf(tags);
    }

    /**
     * The same request for another server name (a node group creates many servers from one
     * template).
     */
    public CreateServerRequest withName(String otherName) {
        return new CreateServerRequest(
                otherName,
                password,
                sshKey,
                datacenter,
                image,
                cpu,
                ram,
                disks,
                dailyBackup,
                managed,
                networks,
                billingCycle,
                monthlyPackage,
                script,
                tags);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Password and script are redacted; everything else is printed. */
    @Override
    public String toString() {
        return "CreateServerRequest[name="
                + name
                + ", password="
                + password
                + ", datacenter="
                + datacenter
                + ", image="
                + image
                + ", cpu="
                + cpu
                + ", ram="
                + ram
                + ", disks="
                + disks
                + ", dailyBackup="
                + dailyBackup
                + ", managed="
                + managed
                + ", networks="
                + networks
                + ", billingCycle="
                + billingCycle
                + ", monthlyPackage="
                + monthlyPackage
                + ", script="
                + script
                + ", tags="
                + tags
                + "]";
    }

    /**
     * Builds a request field by field; unset strings are empty, unset lists empty, booleans false.
     */
    public static final class Builder {
        private final String name;
        private Secret password = Secret.empty();
        private String sshKey = "";
        private String datacenter = "";
        private String image = "";
        private String cpu = "";
        private String ram = "";
        private List<String> disks = List.of();
        private boolean dailyBackup;
        private boolean managed;
        private List<String> networks = List.of();
        private String billingCycle = "";
        private String monthlyPackage = "";
        private Secret script = Secret.empty();
        private List<String> tags = List.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder password(Secret value) {
            this.password = value;
            return this;
        }

        public Builder sshKey(String value) {
            this.sshKey = value;
            return this;
        }

        public Builder datacenter(String value) {
            this.datacenter = value;
            return this;
        }

        public Builder image(String value) {
            this.image = value;
            return this;
        }

        public Builder cpu(String value) {
            this.cpu = value;
            return this;
        }

        public Builder ram(String value) {
            this.ram = value;
            return this;
        }

        public Builder disks(List<String> value) {
            this.disks = value;
            return this;
        }

        public Builder dailyBackup(boolean value) {
            this.dailyBackup = value;
            return this;
        }

        public Builder managed(boolean value) {
            this.managed = value;
            return this;
        }

        public Builder networks(List<String> value) {
            this.networks = value;
            return this;
        }

        public Builder billingCycle(String value) {
            this.billingCycle = value;
            return this;
        }

        public Builder monthlyPackage(String value) {
            this.monthlyPackage = value;
            return this;
        }

        public Builder script(Secret value) {
            this.script = value;
            return this;
        }

        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        public CreateServerRequest build() {
            return new CreateServerRequest(
                    name,
                    password,
                    sshKey,
                    datacenter,
                    image,
                    cpu,
                    ram,
                    disks,
                    dailyBackup,
                    managed,
                    networks,
                    billingCycle,
                    monthlyPackage,
                    script,
                    tags);
        }
    }
}
