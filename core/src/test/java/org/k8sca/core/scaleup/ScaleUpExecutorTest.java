package org.k8sca.core.scaleup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.testing.FakeCloudProvider;
import org.k8sca.core.testing.FakeNodeGroup;

import java.util.List;

class ScaleUpExecutorTest {

    @Test
    void resizesEachGroupInOrder() {
        FakeNodeGroup a = new FakeNodeGroup("a", 0, 10, 1);
        FakeNodeGroup b = new FakeNodeGroup("b", 0, 10, 3);
        FakeCloudProvider provider = new FakeCloudProvider().add(a).add(b);

        List<IncreaseAttempt> done =
                ScaleUpExecutor.execute(
                        List.of(new GroupIncrease("a", 1, 4, 10), new GroupIncrease("b", 3, 4, 10)),
                        provider);

        assertThat(done)
                .extracting(IncreaseAttempt::outcome)
                .containsOnly(IncreaseAttempt.Outcome.SUCCEEDED);
        assertThat(a.increases).containsExactly(3);
        assertThat(b.increases).containsExactly(1);
        assertThat(done.get(0).message()).isEqualTo("group a size set to 4 instead of 1 (max: 10)");
    }

    @Test
    void theFirstFailureStopsTheRest() {
        FakeNodeGroup a =
                new FakeNodeGroup("a", 0, 10, 1)
                        .failIncreasesWith(
                                new CloudProviderException(
                                        CloudProviderException.Kind.CLOUD_API, "quota exceeded"));
        FakeNodeGroup b = new FakeNodeGroup("b", 0, 10, 3);
        FakeCloudProvider provider = new FakeCloudProvider().add(a).add(b);

        List<IncreaseAttempt> done =
                ScaleUpExecutor.execute(
                        List.of(new GroupIncrease("a", 1, 4, 10), new GroupIncrease("b", 3, 4, 10)),
                        provider);

        assertThat(done)
                .extracting(IncreaseAttempt::outcome)
                .containsExactly(
                        IncreaseAttempt.Outcome.FAILED, IncreaseAttempt.Outcome.NOT_ATTEMPTED);
        assertThat(done.get(0).message())
                .isEqualTo(
                        "failed to set group a size to 4 instead of 1 (max: 10): CLOUD_API: quota"
                                + " exceeded");
        assertThat(b.increases).isEmpty();
    }

    @Test
    void aVanishedGroupIsAFailure() {
        List<IncreaseAttempt> done =
                ScaleUpExecutor.execute(
                        List.of(new GroupIncrease("gone", 0, 1, 1)), new FakeCloudProvider());

        assertThat(done.get(0).outcome()).isEqualTo(IncreaseAttempt.Outcome.FAILED);
        assertThat(done.get(0).error()).contains("gone no longer exists");
    }
}
