package org.k8sca.kamatera.config;

import org.k8sca.kamatera.config.gcfg.GcfgDocument;
import org.k8sca.kamatera.config.gcfg.GcfgParser;
import org.k8sca.kamatera.config.gcfg.GcfgSyntaxError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads, resolves and validates a cloud config file. Contract for callers (the CLI, the provider):
 * a valid file gives a {@link CloudConfig}; an invalid one throws {@link
 * InvalidCloudConfigException} with every problem found; an unreadable file throws {@link
 * IOException}.
 *
 * <p>Everything the upstream autoscaler checks at start-up and everything it checks only at each
 * refresh is checked here, once, before anything talks to Kamatera. Syntax errors are reported
 * alone (the rest of the file cannot be trusted); otherwise all problems are reported together, in
 * file order.
 */
public final class CloudConfigLoader {
    /** Environment variable that overrides {@code kamatera-api-client-id}. */
    public static final String ENV_CLIENT_ID = "KAMATERA_API_CLIENT_ID";

    /** Environment variable that overrides {@code kamatera-api-secret}. */
    public static final String ENV_SECRET = "KAMATERA_API_SECRET";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CloudConfigLoader() {}

    /**
     * @param env the process environment (pass {@code System.getenv()}); non-empty {@link
     *     #ENV_CLIENT_ID} / {@link #ENV_SECRET} override the file
     */
    public static CloudConfig load(Path file, Map<String, String> env)
            throws IOException, InvalidCloudConfigException {
        byte[] bytes = Files.readAllBytes(file);
        List<ConfigProblem> encodingProblems = new ArrayList<>();
        String text = decodeUtf8(bytes, encodingProblems);
        return parse(text, file.toString(), env, encodingProblems);
    }

    /**
     * As {@link #load(Path, Map)}, from text already read; {@code sourceName} is used in messages.
     */
    public static CloudConfig parse(String text, String sourceName, Map<String, String> env)
            throws InvalidCloudConfigException {
        return parse(text, sourceName, env, List.of());
    }

    private static CloudConfig parse(
            String text,
            String sourceName,
            Map<String, String> env,
            List<ConfigProblem> encodingProblems)
            throws InvalidCloudConfigException {
        Findings findings = new Findings();
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            // Upstream reads the file with gcfg's reader variant, which fails on a BOM
            // ("illegal character U+FEFF"); Windows editors add one, so we skip it and say so.
            text = text.substring(1);
            findings.warning(
                    null,
                    null,
                    1,
                    "the file starts with a UTF-8 byte-order mark; it is ignored here, but the"
                            + " upstream autoscaler rejects the file (illegal character U+FEFF)");
        }
        GcfgDocument document = GcfgParser.parse(text);
        if (!encodingProblems.isEmpty() || !document.syntaxErrors().isEmpty()) {
            List<ConfigProblem> problems = new ArrayList<>(encodingProblems);
            for (GcfgSyntaxError error : document.syntaxErrors()) {
                problems.add(new ConfigProblem(null, null, error.line(), error.message()));
            }
            problems.sort(java.util.Comparator.comparingInt(ConfigProblem::line));
            throw new InvalidCloudConfigException(sourceName, problems);
        }
        RawCloudConfig raw = CloudConfigBinder.bind(document, findings);
        CloudConfig config = CloudConfigResolver.resolve(raw, env, findings);
        if (findings.hasErrors()) {
            throw new InvalidCloudConfigException(sourceName, findings.errors());
        }
        return config;
    }

    /** Strict UTF-8, as gcfg's scanner: each malformed sequence is reported with its line. */
    private static String decodeUtf8(byte[] bytes, List<ConfigProblem> problems) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                problems.add(
                        new ConfigProblem(
                                null,
                                null,
                                lineAt(bytes, in.position()),
                                "illegal UTF-8 encoding"));
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
