package org.k8sca.kube.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kubeconfig files for tests: one cluster, one context, a token user. */
public final class Kubeconfigs {
    /** The user's token in every file written here; not a secret of anything. */
    public static final String TOKEN = "not-a-real-token";

    private Kubeconfigs() {}

    /** Writes {@code dir/kubeconfig} pointing at the API server {@code server}; returns it. */
    public static Path write(Path dir, String server) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "apiVersion: v1",
                        "kind: Config",
                        "clusters:",
                        "- name: mock",
                        "  cluster:",
                        "    server: " + server,
                        "contexts:",
                        "- name: mock",
                        "  context:",
                        "    cluster: mock",
                        "    user: autoscaler",
                        "current-context: mock",
                        "users:",
                        "- name: autoscaler",
                        "  user:",
                        "    token: " + TOKEN,
                        ""));
        return file;
    }
}
