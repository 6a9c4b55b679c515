package org.k8sca.kamatera.provider;

import org.k8sca.core.cloud.InstanceError;
import org.k8sca.core.cloud.InstanceError.ErrorClass;
import org.k8sca.kamatera.api.CommandStatus;
import org.k8sca.kamatera.api.KamateraApiException;

import java.util.Locale;

/**
 * The error information attached to instances. Codes keep upstream's names; quota problems are
 * {@link ErrorClass#OUT_OF_RESOURCES} so the core tries another node group.
 */
final class InstanceErrors {
    static final String DID_NOT_START = "InstanceErrorDidNotStart";
    static final String GET_COMMAND_STATUS_FAILED = "InstanceErrorGetCommandStatusFailed";
    static final String COMMAND_FAILED = "InstanceErrorCommandFailed";
    static final String CREATE_UNCONFIRMED = "InstanceErrorCreateUnconfirmed";
    static final String QUOTA_EXCEEDED = "QuotaExceeded";

    private InstanceErrors() {}

    static InstanceError didNotStart(KamateraApiException e) {
        return new InstanceError(
                classOf(e.getMessage()),
                isQuota(e.getMessage()) ? QUOTA_EXCEEDED : DID_NOT_START,
                e.getMessage());
    }

    static InstanceError statusQueryFailed(String commandId, KamateraApiException e) {
        return new InstanceError(
                ErrorClass.OTHER,
                GET_COMMAND_STATUS_FAILED,
                "failed to get command " + commandId + " status: " + e.getMessage());
    }

    static InstanceError commandFailed(CommandStatus status) {
        String how =
                status.rawStatus() == null
                        ? "was not found in the queue"
                        : "ended with " + status.rawStatus();
        String message = "command " + status.id() + " " + how + lastLine(status.log());
        return new InstanceError(
                classOf(status.log()),
                isQuota(status.log()) ? QUOTA_EXCEEDED : COMMAND_FAILED,
                message);
    }

    static InstanceError createUnconfirmed(String serverName) {
        return new InstanceError(
                ErrorClass.OTHER,
                CREATE_UNCONFIRMED,
                "the create request for server "
                        + serverName
                        + " got no answer and the server did not appear in the server list");
    }

    private static ErrorClass classOf(String text) {
        return isQuota(text) ? ErrorClass.OUT_OF_RESOURCES : ErrorClass.OTHER;
    }

    private static boolean isQuota(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("quota");
    }

    private static String lastLine(String log) {
        if (log == null || log.isBlank()) {
            return "";
        }
        String[] lines = log.strip().split("\n");
        return ": " + lines[lines.length - 1].strip();
    }
}
