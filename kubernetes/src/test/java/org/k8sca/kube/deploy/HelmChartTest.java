package org.k8sca.kube.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static checks of the Helm chart (Helm itself is not available here): the values the templates use
 * exist, the template actions are balanced, the RBAC rules are the plain manifests' rules, and the
 * arguments are known flags.
 */
class HelmChartTest {

    private static final String CHART = "deploy/helm/kamatera-autoscaler";
    private static final Pattern VALUES_REFERENCE =
            Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final Pattern ACTION =
            Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
    private static final Set<String> BLOCK_KEYWORDS =
            Set.of("if", "range", "with", "define", "block");

    private final Map<String, Object> values = parseValues();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseValues() {
        return new KubernetesSerialization()
                .unmarshal(RepoFiles.read(CHART + "/values.yaml"), Map.class);
    }

    private static List<Path> templates() {
        return RepoFiles.filesUnder(CHART + "/templates", ".yaml", ".tpl", ".txt");
    }

    @Test
    void chartHasTheExpectedTemplates() {
        assertThat(templates())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(
                        "_helpers.tpl",
                        "NOTES.txt",
                        "serviceaccount.yaml",
                        "clusterrole.yaml",
                        "clusterrolebinding.yaml",
                        "role.yaml",
                        "rolebinding.yaml",
                        "secret.yaml",
                        "deployment.yaml",
                        "service.yaml",
                        "servicemonitor.yaml",
                        "pdb.yaml");
        assertThat(RepoFiles.read(CHART + "/Chart.yaml"))
                .contains("apiVersion: v2", "name: kamatera-autoscaler");
    }

    @Test
    void everyValueTheTemplatesUseIsInValuesYaml() {
        List<String> missing = new ArrayList<>();
        int references = 0;
        for (Path template : templates()) {
            Matcher reference = VALUES_REFERENCE.matcher(RepoFiles.read(template));
            while (reference.find()) {
                references++;
                String path = reference.group(1).substring(1);
                if (!hasValue(path)) {
                    missing.add(template.getFileName() + ": .Values." + path);
                }
            }
        }
        assertThat(references).as("references to .Values found").isGreaterThan(40);
        assertThat(missing).isEmpty();
    }

    @Test
    void valuesUseTheUpstreamChartsNamesWhereTheyOverlap() {
        // The upstream cluster-autoscaler chart's names for the same settings, so values files
        // carry over.
        List<String> upstream =
                List.of(
                        "image.repository",
                        "image.tag",
                        "image.pullPolicy",
                        "image.pullSecrets",
                        "replicaCount",
                        "extraArgs",
                        "extraEnv",
                        "resources",
                        "nodeSelector",
                        "tolerations",
                        "affinity",
                        "topologySpreadConstraints",
                        "podAnnotations",
                        "podLabels",
                        "additionalLabels",
                        "priorityClassName",
                        "securityContext",
                        "containerSecurityContext",
                        "podDisruptionBudget",
                        "updateStrategy",
                        "revisionHistoryLimit",
                        "nameOverride",
                        "fullnameOverride",
                        "cloudConfigPath",
                        "rbac.create",
                        "rbac.serviceAccount.create",
                        "rbac.serviceAccount.name",
                        "rbac.serviceAccount.annotations",
                        "rbac.serviceAccount.automountServiceAccountToken",
                        "service.create",
                        "service.annotations",
                        "service.labels",
                        "service.type",
                        "service.servicePort",
                        "service.portName",
                        "serviceMonitor.enabled",
                        "serviceMonitor.interval",
                        "serviceMonitor.namespace",
                        "serviceMonitor.selector",
                        "serviceMonitor.path",
                        "serviceMonitor.annotations",
                        "serviceMonitor.metricRelabelings");
        assertThat(upstream).allMatch(this::hasValue, "present in values.yaml");
        assertThat(values).containsKeys("cloudConfig", "existingSecret");
    }

    @Test
    void templateActionsAreClosedAndBlocksBalanced() {
        for (Path template : templates()) {
            String text = RepoFiles.read(template);
            assertThat(count(text, "{{"))
                    .as("'{{' and '}}' in %s", template.getFileName())
                    .isEqualTo(count(text, "}}"));
            int depth = 0;
            Matcher action = ACTION.matcher(text);
            while (action.find()) {
                String word = action.group(1).split("\\s+", 2)[0];
                if (BLOCK_KEYWORDS.contains(word)) {
                    depth++;
                } else if (word.equals("end")) {
                    depth--;
                    assertThat(depth)
                            .as("an {{ end }} without a block in %s", template.getFileName())
                            .isNotNegative();
                }
            }
            assertThat(depth).as("blocks left open in %s", template.getFileName()).isZero();
        }
    }

    @Test
    void rbacRulesAreThePlainManifestsRules() {
        DeployManifests manifests = DeployManifests.load();

        assertThat(RbacGrants.of(chartRules("clusterrole.yaml")))
                .isEqualTo(RbacGrants.of(manifests.single(ClusterRole.class).getRules()));
        assertThat(RbacGrants.of(chartRules("role.yaml")))
                .isEqualTo(RbacGrants.of(manifests.single(Role.class).getRules()));
    }

    @Test
    void namedGrantsFollowTheFlagsThatNameTheObjects() {
        String helpers = RepoFiles.read(CHART + "/templates/_helpers.tpl");
        assertThat(helpers)
                .contains(
                        "index .Values.extraArgs \"status-config-map-name\" | default"
                                + " \"cluster-autoscaler-status\"",
                        "index .Values.extraArgs \"leader-elect-resource-name\" | default"
                                + " \"cluster-autoscaler\"");
        FlagTable flags = FlagTable.fromDocs();
        assertThat(flags.flag("status-config-map-name")).isPresent();
        assertThat(flags.flag("leader-elect-resource-name")).isPresent();
    }

    @Test
    void argumentsAreKnownFlagsAndDefaultExtraArgsAreValid() {
        FlagTable flags = FlagTable.fromDocs();
        Matcher fixed =
                Pattern.compile("(?m)^\\s+- --([a-z0-9-]+)=")
                        .matcher(RepoFiles.read(CHART + "/templates/deployment.yaml"));
        Set<String> fixedNames = new TreeSet<>();
        while (fixed.find()) {
            fixedNames.add(fixed.group(1));
        }
        assertThat(fixedNames)
                .containsExactlyInAnyOrder("cloud-provider", "cloud-config", "namespace");
        assertThat(fixedNames).allMatch(name -> flags.flag(name).isPresent(), "known flag");

        Object extraArgs = values.get("extraArgs");
        assertThat(extraArgs).isInstanceOf(Map.class);
        ((Map<?, ?>) extraArgs)
                .forEach(
                        (name, value) -> {
                            String arg = value == null ? "--" + name : "--" + name + "=" + value;
                            assertThat(flags.problemWith(arg)).as(arg).isEmpty();
                        });
    }

    @Test
    void defaultsAreAsHardenedAsThePlainDeployment() {
        Container plain =
                DeployManifests.load()
                        .single(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);
        String deployment = RepoFiles.read(CHART + "/templates/deployment.yaml");

        assertThat(value("securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(value("securityContext.runAsUser")).isEqualTo(65532);
        assertThat(value("containerSecurityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(value("containerSecurityContext.allowPrivilegeEscalation")).isEqualTo(false);
        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> expected =
                    kind.equals("requests")
                            ? plain.getResources().getRequests()
                            : plain.getResources().getLimits();
            expected.forEach(
                    (resource, quantity) ->
                            assertThat(String.valueOf(value("resources." + kind + "." + resource)))
                                    .as("resources.%s.%s", kind, resource)
                                    .isEqualTo(quantity.toString()));
        }
        assertThat(deployment)
                .contains(
                        "path: /health-check",
                        "mountPath: /tmp",
                        "containerPort: 8085",
                        "key: kamatera-api-client-id",
                        "key: kamatera-api-secret",
                        "optional: true");
    }

    /** The rules of a chart template, with every template action replaced by a placeholder. */
    private static List<PolicyRule> chartRules(String template) {
        String text = RepoFiles.read(CHART + "/templates/" + template);
        int start = text.indexOf("\nrules:\n");
        int end = text.lastIndexOf("{{- end }}");
        assertThat(start).as("rules in %s", template).isPositive();
        String rules = ACTION.matcher(text.substring(start, end)).replaceAll("TEMPLATED");
        String document =
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: x"
                        + rules;
        ClusterRole parsed = new KubernetesSerialization().unmarshal(document, ClusterRole.class);
        return parsed.getRules();
    }

    private Object value(String dottedPath) {
        Object node = values;
        for (String key : dottedPath.split("\\.")) {
            assertThat(node).as("values.yaml: parent of %s", dottedPath).isInstanceOf(Map.class);
            node = ((Map<?, ?>) node).get(key);
        }
        return node;
    }

    private boolean hasValue(String dottedPath) {
        Object node = values;
        for (String key : dottedPath.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            node = map.get(key);
        }
        return true;
    }

    private static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            count++;
        }
        return count;
    }
}
