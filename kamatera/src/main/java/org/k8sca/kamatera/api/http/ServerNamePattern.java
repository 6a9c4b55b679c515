package org.k8sca.kamatera.api.http;

/**
 * The API matches a {@code name} argument as an anchored regular expression ({@code /^name$/})
 * against every server (kamatera-api.md §5 Q3), so {@code a.b} would also power off or terminate
 * {@code axb}. We escape the metacharacters so a name matches only itself. Names made of letters,
 * digits and dashes, such as the autoscaler's, are sent unchanged.
 */
final class ServerNamePattern {

    private static final String METACHARACTERS = "\\^$.|?*+()[]{}/";

    private ServerNamePattern() {}

    static String exact(String name) {
        StringBuilder escaped = new StringBuilder(name.length() + 8);
        for (char c : name.toCharArray()) {
            if (METACHARACTERS.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
