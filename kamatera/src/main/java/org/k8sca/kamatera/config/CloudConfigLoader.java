package org.k8sca.kamatera.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads, resolves and validates a cloud config file. Contract for callers (the CLI, the provider):
 * a valid file gives a {@link CloudConfig}; an invalid one throws {@link InvalidCloudConfigException}
 * with every problem found; an unreadable file throws {@link IOException}.
 */
public final class CloudConfigLoader {
    /** Environment variable that overrides {@code kamatera-api-client-id}. */
    public static final String ENV_CLIENT_ID = "KAMATERA_API_CLIENT_ID";
    /** Environment variable that overrides {@code kamatera-api-secret}. */
    public static final String ENV_SECRET = "KAMATERA_API_SECRET";

    private CloudConfigLoader() {}

    /**
     * @param env the process environment (pass {@code System.getenv()}); non-empty
     *     {@link #ENV_CLIENT_ID} / {@link #ENV_SECRET} override the file
     */
    public static CloudConfig load(Path file, Map<String, String> env)
            throws IOException, InvalidCloudConfigException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** As {@link #load(Path, Map)}, from text already read; {@code sourceName} is used in messages. */
    public static CloudConfig parse(String text, String sourceName, Map<String, String> env)
            throws InvalidCloudConfigException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
