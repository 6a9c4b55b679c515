package org.k8sca.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * End to end: the real shaded jar, started as {@code java -jar} in a child process, validates the
 * project's example file, the upstream worked example and an invalid file. Proves the jar's
 * manifest, merged dependencies and logging setup (nothing but the result on stdout, nothing at all
 * on stderr).
 */
class ValidateConfigJarIT {
    private static final String SECRET = "9ii88h7g6f55555ee4444444dd33eee2";
    private static final String PASSWORD = "Aa1#23456789";

    /** The upstream worked example, kamatera-provider.md §1.9, verbatim (as app's ConfigFiles). */
    private static final String WORKED_EXAMPLE =
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

    @TempDir Path dir;

    @Test
    void shadedJarValidatesConfigs() throws Exception {
        Path example =
                Files.writeString(
                        dir.resolve("worked-example.ini"), WORKED_EXAMPLE, StandardCharsets.UTF_8);

        JavaJar.Result valid =
                JavaJar.run(dir, "validate-config", "--cloud-config=" + example, "--output=json");

        assertThat(valid.status()).as(valid.toString()).isZero();
        assertThat(valid.err()).as(valid.toString()).isEmpty();
        JsonNode config = JsonMapper.builder().build().readTree(valid.out());
        assertThat(config.get("cluster-name").asString()).isEqualTo("aaabbb");
        assertThat(config.get("nodegroups").get("highcpu").get("password").asString())
                .isEqualTo("<redacted>");
        assertThat(valid.out()).doesNotContain(SECRET).doesNotContain(PASSWORD);

        Path projectExample =
                Path.of(System.getProperty("kamatera-autoscaler.examples", "../deploy/examples"))
                        .resolve("cloud-config.ini");
        JavaJar.Result exampleText =
                JavaJar.run(dir, "validate-config", "--cloud-config", projectExample.toString());

        assertThat(exampleText.status()).as(exampleText.toString()).isZero();
        assertThat(exampleText.err()).as(exampleText.toString()).isEmpty();
        assertThat(exampleText.out()).containsPattern("(?m)^cluster-name: +mycluster$");

        Path invalid =
                Files.writeString(dir.resolve("bad.ini"), "[gglobal]\n", StandardCharsets.UTF_8);
        JavaJar.Result rejected =
                JavaJar.run(dir, "validate-config", "--cloud-config", invalid.toString());

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(1);
        assertThat(rejected.out()).isEmpty();
        assertThat(rejected.err()).startsWith(invalid + ":").contains("gglobal");
    }
}
