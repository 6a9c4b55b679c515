package org.k8sca.app.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Cloud config texts shared by the validate-config tests, and a helper to write them. */
final class ConfigFiles {
    static final String CLIENT_ID = "1a222bbb3ccc44d5555e6ff77g88hh9i";
    static final String SECRET = "9ii88h7g6f55555ee4444444dd33eee2";
    static final String PASSWORD = "Aa1#23456789";
    static final String SCRIPT_BASE64 = "IyEvYmluL2Jhc2gKZWNobyBoaQo=";
    static final String SCRIPT = "#!/bin/bash\necho hi\n";

    /** The upstream worked example, kamatera-provider.md §1.9, verbatim. */
    static final String WORKED_EXAMPLE =
            """
            [global]
            kamatera-api-client-id=1a222bbb3ccc44d5555e6ff77g88hh9i
            kamatera-api-secret=9ii88h7g6f55555ee4444444dd33eee2
            cluster-name=aaabbb
            provider-id-prefix=rke2://
            poweroff-on-scale-down=yes
            default-min-size=0
            default-max-size=10
            default-datacenter=IL
            default-image=ubuntu_server_24.04_64-bit
            default-cpu=2D
            default-ram=4096
            default-disk=size=50
            default-network=name=wan,ip=auto
            default-script-base64=IyEvYmluL2Jhc2gKZWNobyBoaQo=
            default-password="Aa1#23456789"   ; quoted because of '#'

            [nodegroup "highcpu"]
            cpu=8D
            poweroff-on-scale-down=false       ; 'no' would be an error here
            poweroff-on-scale-down-max-servers=2
            template-label=kubernetes.io/os=linux
            template-label=workload=cpu
            """;

    /** A small valid file whose global section later tests extend or break; node group ng1 last. */
    static final String MINIMAL =
            """
            [global]
            kamatera-api-client-id=1a222bbb3ccc44d5555e6ff77g88hh9i
            kamatera-api-secret=9ii88h7g6f55555ee4444444dd33eee2
            cluster-name=c1
            default-datacenter=IL
            default-image=ubuntu
            default-cpu=2D
            default-ram=4096
            default-disk=size=50
            default-network=name=wan,ip=auto
            default-script-base64=IyEvYmluL2Jhc2gKZWNobyBoaQo=
            [nodegroup "ng1"]
            """;

    private ConfigFiles() {}

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
