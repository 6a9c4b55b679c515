package org.k8sca.kamatera.config;

import org.k8sca.kamatera.config.golang.GoStrconv;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The two Kamatera server tags that mark a cluster's servers ({@code k8sca-<cluster>}) and a node
 * group's servers ({@code k8scang-<group>}), and upstream's checks on them.
 */
final class ServerTags {
    static final String CLUSTER_TAG_PREFIX = "k8sca-";
    static final String NODE_GROUP_TAG_PREFIX = "k8scang-";

    /** Upstream's names are limited so that both tags fit Kamatera's 24-character tag limit. */
    static final int MAX_NAME_BYTES = 15;

    /** Upstream's RE2 pattern; RE2's {@code \s} is exactly tab, LF, FF, CR and space. */
    private static final Pattern VALID_TAG = Pattern.compile("[a-zA-Z0-9\\-_\\t\\n\\f\\r .]{3,24}");

    private ServerTags() {}

    /** Upstream measures lengths in UTF-8 bytes. */
    static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Reports the first problem of the tag, upstream's checks first. Whitespace passes upstream's
     * regex but makes every create call fail (tags are sent space-separated), so it is refused
     * here.
     */
    static void check(
            String tag,
            String ownerDescription,
            String section,
            String key,
            int line,
            Findings findings) {
        int length = byteLength(tag);
        if (length < 3) {
            findings.error(
                    section,
                    key,
                    line,
                    "tag " + tag + " is too short, must be at least 3 characters");
        } else if (length > 24) {
            findings.error(
                    section,
                    key,
                    line,
                    "tag " + tag + " is too long, must be at most 24 characters");
        } else if (!VALID_TAG.matcher(tag).matches()) {
            findings.error(
                    section,
                    key,
                    line,
                    "tag "
                            + tag
                            + " is invalid, must contain only English letters, numbers, dash,"
                            + " underscore, space, dot");
        } else if (tag.chars().anyMatch(Character::isWhitespace)) {
            findings.error(
                    section,
                    key,
                    line,
                    "invalid Kamatera server configuration array value ("
                            + GoStrconv.quote(tag)
                            + "): ,must not contain spaces ("
                            + ownerDescription
                            + " becomes a server tag and tags are sent space-separated, so no"
                            + " server could be created)");
        }
    }
}
