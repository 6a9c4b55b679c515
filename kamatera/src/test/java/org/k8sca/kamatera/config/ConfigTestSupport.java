package org.k8sca.kamatera.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;

/** Shared snippets and helpers for the cloud-config tests. */
final class ConfigTestSupport {
    private ConfigTestSupport() {}

    static final String CLIENT_ID = "1a222bbb3ccc44d5555e6ff77g88hh9i";
    static final String SECRET = "9ii88h7g6f55555ee4444444dd33eee2";

    /** [global] with credentials and cluster name, nothing else. */
    static final String CREDENTIALS =
            """
            [global]
            kamatera-api-client-id=%s
            kamatera-api-secret=%s
            cluster-name=aaabbb
            """
                    .formatted(CLIENT_ID, SECRET);

    /** Global server settings that make every node group valid (append to {@link #CREDENTIALS}). */
    static final String SERVER_DEFAULTS =
            """
            default-datacenter=IL
            default-image=ubuntu
            default-cpu=1A
            default-ram=1024
            default-disk=size=10
            default-network=name=wan,ip=auto
            default-script-base64=ZGVmYXVsdAo=
            """;

    static final String VALID_GLOBAL = CREDENTIALS + SERVER_DEFAULTS;

    static CloudConfig parse(String text) throws InvalidCloudConfigException {
        return CloudConfigLoader.parse(text, "test.ini", Map.of());
    }

    static CloudConfig parseValid(String text) {
        return parseValid(text, Map.of());
    }

    static CloudConfig parseValid(String text, Map<String, String> env) {
        try {
            return CloudConfigLoader.parse(text, "test.ini", env);
        } catch (InvalidCloudConfigException e) {
            return fail("expected a valid config, got " + e.problems());
        }
    }

    static List<ConfigProblem> problems(String text) {
        return problems(text, Map.of());
    }

    static List<ConfigProblem> problems(String text, Map<String, String> env) {
        try {
            CloudConfigLoader.parse(text, "test.ini", env);
        } catch (InvalidCloudConfigException e) {
            return e.problems();
        }
        return fail("expected problems, the config was valid");
    }

    static List<String> messages(String text) {
        return problems(text).stream().map(ConfigProblem::message).toList();
    }

    static void assertInvalid(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidCloudConfigException.class);
    }
}
