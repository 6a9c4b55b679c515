package org.k8sca.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.ExitCodes;
import org.k8sca.app.flags.RunFlags;
import org.k8sca.app.flags.RunOptions;
import org.k8sca.kamatera.sim.KamateraSimulator;
import org.k8sca.kamatera.sim.knobs.Endpoint;
import org.k8sca.kamatera.sim.knobs.Timings;
import org.k8sca.kube.testing.Eventually;
import org.k8sca.kube.testing.MockApiServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;

class RunServiceTest {
    private static final String SECRET = "run-test-secret-value";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Command(name = "run")
    static final class Run {
        @Mixin
        RunFlags flags;
    }

    private static RunOptions options(String... args) {
        Run run = new Run();
        ParseResult result = new CommandLine(run).parseArgs(args);
        return run.flags.toOptions(result::hasMatchedOption);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutACloudConfigNothingStarts() {
        int status = new RunService(options(), Map.of(), err, List.of()).run();
        assertThat(status).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--cloud-config is required");
    }

    @Test
    void anInvalidCloudConfigExitsOneWithItsProblemsAndNoSecret() throws Exception {
        Path ini = dir.resolve("cloud.ini");
        Files.writeString(ini, "[global]\nkamatera-api-client-id=id\nkamatera-api-secret=" + SECRET
                + "\ncluster-name=c1\n[nodegroup \"ng1\"]\nmin-size=5\nmax-size=2\n");

        int status = new RunService(options("--cloud-config=" + ini), Map.of(), err, List.of()).run();

        assertThat(status).as(err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err()).contains(ini.toString()).contains("invalid").doesNotContain(SECRET);
    }

    /**
     * The whole process on the real clock, against the kube mock (through a kubeconfig file) and the
     * Kamatera simulator: it takes the Lease, scales up for a pending pod, and stops cleanly.
     */
    @Test
    void runsTakesTheLeaseScalesUpAndStops() throws Exception {
        try (MockApiServer api = new MockApiServer(); KubernetesClient client = api.client();
                KamateraSimulator sim = KamateraSimulator.builder().credentials("id", SECRET)
                        .timings(Timings.instant()).build().start()) {
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(kubeconfig, String.join("\n", "apiVersion: v1", "kind: Config", "clusters:",
                    "- name: mock", "  cluster:", "    server: " + api.baseUrl(), "contexts:", "- name: mock",
                    "  context:", "    cluster: mock", "    user: u", "current-context: mock", "users:", "- name: u",
                    "  user:", "    token: not-a-real-token", ""));
            Path ini = dir.resolve("cloud.ini");
            Files.writeString(ini, String.join("\n", "[global]", "kamatera-api-client-id=id",
                    "kamatera-api-secret=" + SECRET, "kamatera-api-url=" + sim.baseUrl(), "cluster-name=c1",
                    "default-datacenter=EU", "default-image=ubuntu_server_24.04_64-bit", "default-cpu=2B",
                    "default-ram=4096", "default-disk=size=20", "default-network=name=wan,ip=auto",
                    "default-script-base64=" + Base64.getEncoder().encodeToString("#!/bin/sh\n".getBytes()),
                    "[nodegroup \"ng1\"]", "min-size=0", "max-size=2", ""));
            String created = Instant.now().minusSeconds(60).toString();
            client.pods().inNamespace("default").resource(new PodBuilder()
                    .withNewMetadata().withName("pending").withNamespace("default").withCreationTimestamp(created)
                    .endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("i").withNewResources()
                    .addToRequests("cpu", new Quantity("1")).endResources().endContainer().endSpec()
                    .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled")
                    .withStatus("False").withReason("Unschedulable").withLastTransitionTime(created).endCondition()
                    .endStatus().build()).create();

            RunService service = new RunService(options("--cloud-config=" + ini, "--kubeconfig=" + kubeconfig,
                    "--namespace=kube-system"), Map.of(), err, List.of());
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> status = thread.submit(service::run);
                Eventually.await("a server is created", () -> sim.requestCount(Endpoint.CREATE_SERVER) >= 1);
                Lease lease = client.leases().inNamespace("kube-system").withName("cluster-autoscaler").get();
                assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();

                service.stop();
                assertThat(status.get(30, TimeUnit.SECONDS)).as(err()).isEqualTo(ExitCodes.OK);
                assertThat(sim.requestCount(Endpoint.CREATE_SERVER)).isEqualTo(1);
                assertThat(err()).doesNotContain(SECRET);
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
