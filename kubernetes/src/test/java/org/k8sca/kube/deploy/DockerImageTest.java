package org.k8sca.kube.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/Dockerfile and its entrypoint script agree with the build (the jar's name) and with the
 * Deployment (user, read-only root filesystem). No image is built here: there is no Docker daemon.
 */
class DockerImageTest {

    private final String dockerfile = RepoFiles.read("deploy/Dockerfile");
    private final String entrypoint = RepoFiles.read("deploy/image/cluster-autoscaler");

    @Test
    void copiesTheShadedJarTheDistModuleBuilds() {
        Matcher finalName =
                Pattern.compile("<finalName>([^<]+)</finalName>")
                        .matcher(RepoFiles.read("dist/pom.xml"));
        assertThat(finalName.find()).as("dist/pom.xml has a finalName").isTrue();
        String jar = finalName.group(1) + ".jar";

        assertThat(dockerfile)
                .contains("COPY --from=build /src/dist/target/" + jar + " /app/" + jar);
        assertThat(entrypoint).contains("-jar /app/" + jar + " \"$@\"");
    }

    @Test
    void runsAsTheUserTheDeploymentExpects() {
        Long runAsUser =
                DeployManifests.load()
                        .single(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getSecurityContext()
                        .getRunAsUser();

        assertThat(dockerfile).containsPattern("(?m)^USER " + runAsUser + ":" + runAsUser + "$");
        assertThat(dockerfile).containsPattern("(?m)^FROM \\$\\{RUNTIME_IMAGE}$");
        assertThat(dockerfile).contains("ARG RUNTIME_IMAGE=eclipse-temurin:17-jre");
    }

    @Test
    void entrypointIsWhereTheUpstreamBinaryIsAndWritesOnlyToTmp() {
        assertThat(dockerfile)
                .contains("COPY --chmod=0755 deploy/image/cluster-autoscaler /cluster-autoscaler");
        assertThat(dockerfile).containsPattern("(?m)^WORKDIR /$");
        assertThat(dockerfile).contains("ENTRYPOINT [\"/cluster-autoscaler\"]");
        assertThat(entrypoint)
                .startsWith("#!/bin/sh\n")
                .contains("-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp");
        assertThat(Files.isExecutable(RepoFiles.resolve("deploy/image/cluster-autoscaler")))
                .isTrue();
    }
}
