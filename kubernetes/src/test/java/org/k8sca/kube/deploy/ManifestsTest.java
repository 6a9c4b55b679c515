package org.k8sca.kube.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;

import org.junit.jupiter.api.Test;
import org.k8sca.kamatera.config.CloudConfig;
import org.k8sca.kamatera.config.CloudConfigLoader;
import org.k8sca.kube.ApiPermissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The manifests under deploy/kubernetes: parseable, least privilege, hardened, consistent. */
class ManifestsTest {

    /**
     * Resources the autoscaler only touches in its own namespace: granted by the Role, never
     * cluster-wide.
     */
    static final Set<String> OWN_NAMESPACE_RESOURCES =
            Set.of("|configmaps", "coordination.k8s.io|leases");

    private final DeployManifests manifests = DeployManifests.load();

    static Set<String> expectedGrants() {
        // ApiPermissions.RULES is the code's own list, checked against the requests it makes
        // (ApiPermissionsTest); the manifests must grant exactly that.
        return RbacGrants.ofPermissions(new ArrayList<>(ApiPermissions.RULES));
    }

    @Test
    void everyManifestIsANamedKubernetesObject() {
        assertThat(manifests.all())
                .extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder(
                        "ServiceAccount",
                        "ClusterRole",
                        "ClusterRoleBinding",
                        "Role",
                        "RoleBinding",
                        "Secret",
                        "Deployment",
                        "Service");
        for (HasMetadata object : manifests.all()) {
            assertThat(object.getMetadata().getName())
                    .as("name of a %s", object.getKind())
                    .isNotBlank();
            boolean clusterScoped =
                    object instanceof ClusterRole || object instanceof ClusterRoleBinding;
            assertThat(object.getMetadata().getNamespace())
                    .as("namespace of %s %s", object.getKind(), object.getMetadata().getName())
                    .isEqualTo(clusterScoped ? null : autoscalerNamespace());
        }
    }

    @Test
    void rbacGrantsExactlyWhatTheCodeUses() {
        Set<String> granted =
                new TreeSet<>(RbacGrants.of(manifests.single(ClusterRole.class).getRules()));
        granted.addAll(RbacGrants.of(manifests.single(Role.class).getRules()));

        assertThat(granted).isEqualTo(expectedGrants());
    }

    @Test
    void configMapsAndLeasesAreGrantedOnlyInTheAutoscalerNamespace() {
        Set<String> clusterWide = RbacGrants.of(manifests.single(ClusterRole.class).getRules());
        Set<String> namespaced = RbacGrants.of(manifests.single(Role.class).getRules());

        assertThat(clusterWide)
                .noneMatch(g -> OWN_NAMESPACE_RESOURCES.contains(RbacGrants.resourceOf(g)));
        assertThat(namespaced)
                .allMatch(g -> OWN_NAMESPACE_RESOURCES.contains(RbacGrants.resourceOf(g)));
        assertThat(manifests.single(Role.class).getMetadata().getNamespace())
                .isEqualTo(autoscalerNamespace());
    }

    @Test
    void namedGrantsNameTheLeaseAndTheStatusAndCreatesConfigMaps() {
        Set<String> names = new TreeSet<>();
        manifests
                .single(Role.class)
                .getRules()
                .forEach(rule -> names.addAll(rule.getResourceNames()));
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "cluster-autoscaler",
                        "cluster-autoscaler-status",
                        org.k8sca.kube.creates.CreatesConfigMap.DEFAULT_NAME);
    }

    @Test
    void bindingsGiveBothRolesToTheDeploymentsServiceAccount() {
        ServiceAccount account = manifests.single(ServiceAccount.class);
        assertThat(podSpec().getServiceAccountName()).isEqualTo(account.getMetadata().getName());
        String expected =
                "ServiceAccount " + autoscalerNamespace() + "/" + account.getMetadata().getName();

        ClusterRoleBinding clusterBinding = manifests.single(ClusterRoleBinding.class);
        assertThat(clusterBinding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(clusterBinding.getRoleRef().getName())
                .isEqualTo(manifests.single(ClusterRole.class).getMetadata().getName());
        assertThat(clusterBinding.getSubjects())
                .extracting(ManifestsTest::describe)
                .containsExactly(expected);

        RoleBinding binding = manifests.single(RoleBinding.class);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName())
                .isEqualTo(manifests.single(Role.class).getMetadata().getName());
        assertThat(binding.getSubjects())
                .extracting(ManifestsTest::describe)
                .containsExactly(expected);
    }

    @Test
    void deploymentArgumentsAreKnownFlagsWithValidValues() {
        FlagTable flags = FlagTable.fromDocs();
        List<String> args = container().getArgs();

        assertThat(args)
                .contains("--cloud-provider=kamatera", "--cloud-config=/config/cloud-config");
        for (String arg : args) {
            assertThat(flags.problemWith(arg)).as("argument %s", arg).isEmpty();
        }
        assertThat(container().getCommand())
                .as("the image's entrypoint runs the autoscaler")
                .isNullOrEmpty();
    }

    @Test
    void deploymentRunsAsNonRootOnAReadOnlyRootFilesystem() {
        PodSpec pod = podSpec();
        Container container = container();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop())
                .containsExactly("ALL");
        // The JVM's java.io.tmpdir must be writable: an emptyDir on /tmp.
        Volume tmp = volumeMountedAt("/tmp");
        assertThat(tmp.getEmptyDir()).as("volume on /tmp").isNotNull();
    }

    @Test
    void deploymentHasALivenessProbeResourcesAndTheMetricsPort() {
        Container container = container();

        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health-check");
        assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("http");
        assertThat(container.getPorts())
                .anySatisfy(
                        port -> {
                            assertThat(port.getName()).isEqualTo("http");
                            assertThat(port.getContainerPort()).isEqualTo(8085);
                        });
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("memory");
        assertThat(container.getResources().getLimits().get("memory"))
                .isEqualTo(container.getResources().getRequests().get("memory"));
    }

    @Test
    void cloudConfigFlagPointsAtTheSecretsCloudConfigKey() {
        String path = flagValue("cloud-config").orElseThrow();
        int slash = path.lastIndexOf('/');
        Volume volume = volumeMountedAt(path.substring(0, slash));
        Secret secret = manifests.single(Secret.class);

        assertThat(volume.getSecret().getSecretName()).isEqualTo(secret.getMetadata().getName());
        assertThat(volume.getSecret().getItems())
                .anySatisfy(
                        item -> {
                            assertThat(item.getKey()).isEqualTo("cloud-config");
                            assertThat(item.getPath()).isEqualTo(path.substring(slash + 1));
                        });
        assertThat(secret.getStringData()).containsKey("cloud-config");
    }

    @Test
    void credentialEnvironmentComesFromTheSecretAndIsOptional() {
        Secret secret = manifests.single(Secret.class);
        Map<String, EnvVar> env = new java.util.HashMap<>();
        container().getEnv().forEach(e -> env.put(e.getName(), e));

        for (String name : List.of(CloudConfigLoader.ENV_CLIENT_ID, CloudConfigLoader.ENV_SECRET)) {
            assertThat(env).containsKey(name);
            var ref = env.get(name).getValueFrom().getSecretKeyRef();
            assertThat(ref.getName()).as(name).isEqualTo(secret.getMetadata().getName());
            // Optional, so that an upstream Secret holding only cloud-config works unchanged.
            assertThat(ref.getOptional()).as(name + " optional").isTrue();
            assertThat(secret.getStringData()).as("key of " + name).containsKey(ref.getKey());
            // Empty by default: a placeholder here would override real credentials in the file.
            assertThat(secret.getStringData().get(ref.getKey()))
                    .as("value of " + ref.getKey())
                    .isEmpty();
        }
    }

    @Test
    void namespaceFlagIsTheNamespaceOfTheRoleAndTheDeployment() {
        assertThat(flagValue("namespace"))
                .contains(manifests.single(Deployment.class).getMetadata().getNamespace());
    }

    @Test
    void secretCloudConfigIsTheExampleAndValidates() {
        String cloudConfig = manifests.single(Secret.class).getStringData().get("cloud-config");

        assertThat(cloudConfig)
                .as(
                        "secret.yaml's cloud-config must be deploy/examples/cloud-config.ini,"
                                + " indented by 4 spaces")
                .isEqualTo(RepoFiles.read("deploy/examples/cloud-config.ini"));
        assertThatCode(
                        () -> {
                            CloudConfig config =
                                    CloudConfigLoader.parse(
                                            cloudConfig, "deploy/kubernetes/secret.yaml", Map.of());
                            assertThat(config.nodeGroups()).isNotEmpty();
                        })
                .doesNotThrowAnyException();
    }

    @Test
    void serviceSelectsTheAutoscalerPodsAndTargetsTheMetricsPort() {
        Service service = manifests.single(Service.class);
        Map<String, String> podLabels =
                manifests
                        .single(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels();

        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
    }

    private static String describe(Subject subject) {
        return subject.getKind() + " " + subject.getNamespace() + "/" + subject.getName();
    }

    private String autoscalerNamespace() {
        return manifests.single(Deployment.class).getMetadata().getNamespace();
    }

    private PodSpec podSpec() {
        return manifests.single(Deployment.class).getSpec().getTemplate().getSpec();
    }

    private Container container() {
        assertThat(podSpec().getContainers()).hasSize(1);
        return podSpec().getContainers().get(0);
    }

    private Optional<String> flagValue(String name) {
        String prefix = "--" + name + "=";
        return container().getArgs().stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .findFirst();
    }

    private Volume volumeMountedAt(String mountPath) {
        VolumeMount mount =
                container().getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals(mountPath))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no volume mounted at " + mountPath));
        return podSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume named " + mount.getName()));
    }
}
