package org.k8sca.app.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.config.ConfigProblem;

class ProblemLinesTest {

    @Test
    void errorNamesFileLineSectionKeyAndMessage() {
        ConfigProblem problem =
                new ConfigProblem("nodegroup \"ng1\"", "cpu", 7, "cpu for node group ng1 is empty");

        assertThat(ProblemLines.error("cloud-config.ini", problem))
                .isEqualTo(
                        "cloud-config.ini:7: [nodegroup \"ng1\"] cpu: cpu for node group ng1 is"
                                + " empty");
    }

    @Test
    void unknownPartsAreLeftOut() {
        assertThat(
                        ProblemLines.error(
                                "/etc/c.ini",
                                new ConfigProblem("global", null, 0, "cluster name is not set")))
                .isEqualTo("/etc/c.ini: [global] cluster name is not set");
        assertThat(
                        ProblemLines.error(
                                "c.ini",
                                new ConfigProblem(null, null, 3, "expected section header")))
                .isEqualTo("c.ini:3: expected section header");
    }

    @Test
    void warningIsMarkedAsSuch() {
        ConfigProblem problem =
                new ConfigProblem("global", "kamatera-api-url", 4, "trailing slash");

        assertThat(ProblemLines.warning("c.ini", problem))
                .isEqualTo("c.ini:4: warning: [global] kamatera-api-url: trailing slash");
    }

    @Test
    void aMultiLineMessageStaysOnOneLine() {
        ConfigProblem problem = new ConfigProblem("global", "x", 2, "warning:\nsomething\r\n");

        assertThat(ProblemLines.error("c.ini", problem))
                .doesNotContain("\n")
                .doesNotContain("\r")
                .isEqualTo("c.ini:2: [global] x: warning:\\nsomething\\r\\n");
    }
}
