package org.k8sca.kube.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kamatera.config.InvalidCloudConfigException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The server init script examples under deploy/init-scripts, encoded as their README says. */
class InitScriptsTest {

    private static List<Path> scripts() {
        return RepoFiles.filesUnder("deploy/init-scripts", ".sh");
    }

    @Test
    void theThreeKindsOfClusterHaveAScript() {
        assertThat(scripts())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(
                        "kubeadm-join.sh", "rancher-node-command.sh", "k3s-agent.sh");
    }

    @Test
    void scriptsAreStrictBashWithPlaceholdersInsteadOfTokens() {
        for (Path script : scripts()) {
            String text = RepoFiles.read(script);
            String name = script.getFileName().toString();
            assertThat(text).as(name).startsWith("#!/bin/bash\n").contains("set -euo pipefail\n");
            assertThat(text).as(name + " says how to encode it").contains("base64 -w0 " + name);
            assertThat(text).as(name + " has placeholders").contains("REPLACE-");
            assertThat(text).as(name).doesNotContain("\r");
            assertThat(Files.isExecutable(script)).as(name + " is executable").isTrue();
        }
    }

    @Test
    void encodedScriptsAreAcceptedAsScriptBase64AndDecodeToTheScript()
            throws InvalidCloudConfigException {
        String example = RepoFiles.read("deploy/examples/cloud-config.ini");
        for (Path script : scripts()) {
            byte[] bytes = RepoFiles.read(script).getBytes(StandardCharsets.UTF_8);
            // What `base64 -w0` prints: standard alphabet, padded, one line.
            String encoded = Base64.getEncoder().encodeToString(bytes);
            String config =
                    example.replaceFirst(
                            "(?m)^default-script-base64 = .*$",
                            "default-script-base64 = " + encoded);
            assertThat(config).as("the example has a default-script-base64 line").contains(encoded);

            CloudConfig parsed =
                    CloudConfigLoader.parse(
                            config, script.getFileName() + " in cloud-config.ini", Map.of());

            assertThat(parsed.nodeGroups().values())
                    .isNotEmpty()
                    .allSatisfy(
                            group ->
                                    assertThat(group.script())
                                            .as(script.getFileName().toString())
                                            .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
        }
    }
}
