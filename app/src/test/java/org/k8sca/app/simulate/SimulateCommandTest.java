package org.k8sca.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k8sca.app.ExitCodes;
import org.k8sca.app.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code simulate} command end to end, in process, over the snapshot files of the test resources. */
class SimulateCommandTest {

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
        String describe() {
            return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }

        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e, Map.of());
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String resource(String name) {
        try {
            return Path.of(SimulateCommandTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Run simulate(String snapshot, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--cloud-config", resource("cloud-config.ini"),
                "--snapshot", snapshot, "--output", "json"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void print() {
        Run r = simulate(resource("pending-pods.json"));
        System.out.println(r.describe());
        r = simulate(resource("underused-nodes.json"));
        System.out.println(r.describe());
    }
}
