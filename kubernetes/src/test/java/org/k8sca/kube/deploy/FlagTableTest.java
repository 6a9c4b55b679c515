package org.k8sca.kube.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flag check the deploy tests rely on accepts what `run` accepts and rejects the rest. */
class FlagTableTest {

    private final FlagTable flags = FlagTable.fromDocs();

    @Test
    void readsEveryFlagOfTheGeneratedPage() {
        assertThat(flags.size()).isGreaterThan(100);
        assertThat(flags.flag("scan-interval"))
                .hasValueSatisfying(f -> assertThat(f.type()).isEqualTo("duration"));
        assertThat(flags.flag("v")).hasValueSatisfying(f -> assertThat(f.type()).isEqualTo("int"));
        assertThat(flags.flag("logtostderr"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo("accepted-ignored"));
    }

    @Test
    void acceptsKnownFlagsWithValuesOfTheirType() {
        assertThat(flags.problemWith("--scan-interval=1m30s")).isEmpty();
        assertThat(flags.problemWith("--scale-down-utilization-threshold=0.5")).isEmpty();
        assertThat(flags.problemWith("--leader-elect=false")).isEmpty();
        assertThat(flags.problemWith("--cordon-node-before-terminating")).isEmpty();
        assertThat(flags.problemWith("--v=4")).isEmpty();
        assertThat(flags.problemWith("--log_dir=/tmp")).as("underscores as dashes").isEmpty();
    }

    @Test
    void rejectsUnknownFlagsAndBadValues() {
        assertThat(flags.problemWith("--scan-intervall=10s"))
                .hasValueSatisfying(p -> assertThat(p).contains("unknown flag"));
        assertThat(flags.problemWith("--scan-interval=10"))
                .hasValueSatisfying(p -> assertThat(p).contains("not a valid duration"));
        assertThat(flags.problemWith("--leader-elect=yes"))
                .hasValueSatisfying(p -> assertThat(p).contains("not a Go bool"));
        assertThat(flags.problemWith("--v=two"))
                .hasValueSatisfying(p -> assertThat(p).contains("not a valid int"));
        assertThat(flags.problemWith("--namespace"))
                .hasValueSatisfying(p -> assertThat(p).contains("needs a value"));
        assertThat(flags.problemWith("-v=2"))
                .hasValueSatisfying(p -> assertThat(p).contains("--name=value"));
    }
}
