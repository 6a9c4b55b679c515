package org.k8sca.kube.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the checkout the deploy tests read: deploy/, docs/flags.md, the app's pom. */
final class RepoFiles {

    private RepoFiles() {}

    /**
     * The repository root: set by the module's surefire configuration, else the module's parent.
     */
    static Path root() {
        String configured = System.getProperty("k8sca.repo.root");
        Path root =
                configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException(
                    "no deploy/ folder under "
                            + root.toAbsolutePath()
                            + " (set -Dk8sca.repo.root to the repository root)");
        }
        return root.normalize();
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        return read(resolve(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Regular files under a folder of the checkout whose names end with one of the suffixes,
     * sorted.
     */
    static List<Path> filesUnder(String relativeFolder, String... suffixes) {
        try (Stream<Path> walk = Files.walk(resolve(relativeFolder))) {
            return walk.filter(Files::isRegularFile)
                    .filter(
                            p ->
                                    Stream.of(suffixes)
                                            .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + relativeFolder, e);
        }
    }
}
