package org.k8sca.kamatera.sim.model;

import org.k8sca.kamatera.sim.knobs.CommandKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue command (mutable; only touched under the account's lock). Its phase instants are fixed
 * when it is queued; its effect on the server is applied when the account advances past {@link
 * #completeAt}, and that is when its terminal status becomes final.
 */
final class SimCommand {
    final long id;
    final CommandKind kind;
    final String serverId;
    String serverName;
    final Instant added;
    final Instant registeredAt;
    final Instant executeAt;
    final Instant completeAt;
    final List<String> inFlightStatuses;

    /** The full log of a successful run, revealed line by line while the command executes. */
    final List<String> logLines;

    /** Planned terminal status; an effect may still turn {@code complete} into {@code error}. */
    String outcome;

    /** Appended to the log when the outcome is error or cancelled. */
    String failureText;

    boolean finished;

    /** Terminate only: the {@code force} flag. */
    boolean force;

    /** Create only: {@code poweronaftercreate}. */
    boolean powerOnAfterCreate;

    SimCommand(
            long id,
            CommandKind kind,
            String serverId,
            String serverName,
            Instant added,
            Duration registerDelay,
            Duration pendingDelay,
            Duration duration,
            List<String> inFlightStatuses,
            List<String> logLines) {
        this.id = id;
        this.kind = kind;
        this.serverId = serverId;
        this.serverName = serverName;
        this.added = added;
        this.registeredAt = added.plus(registerDelay);
        this.executeAt = added.plus(pendingDelay);
        this.completeAt = executeAt.plus(duration);
        this.inFlightStatuses = List.copyOf(inFlightStatuses);
        this.logLines = new ArrayList<>(logLines);
        this.outcome = "complete";
    }

    boolean registered(Instant now) {
        return !now.isBefore(registeredAt);
    }

    String status(Instant now) {
        if (finished) {
            return outcome;
        }
        if (now.isBefore(executeAt) || inFlightStatuses.size() == 1) {
            return inFlightStatuses.get(0);
        }
        int later = inFlightStatuses.size() - 1;
        int index = 1 + (int) Math.min(later - 1, Math.floor(fraction(now) * later));
        return inFlightStatuses.get(index);
    }

    String log(Instant now) {
        if (!finished && now.isBefore(executeAt)) {
            return "";
        }
        List<String> lines;
        if (finished && outcome.equals("complete")) {
            lines = logLines;
        } else if (finished) {
            // A failed command got about half way before it stopped.
            lines = new ArrayList<>(logLines.subList(0, logLines.size() / 2));
            lines.add(failureText);
        } else {
            int shown = Math.max(1, (int) Math.floor(fraction(now) * logLines.size()));
            lines = logLines.subList(0, Math.min(shown, logLines.size()));
        }
        return String.join("\n", lines);
    }

    /** How far through its execution phase the command is, 0..1. */
    private double fraction(Instant now) {
        long total = Duration.between(executeAt, completeAt).toMillis();
        if (total <= 0) {
            return 1.0;
        }
        return Math.min(1.0, Duration.between(executeAt, now).toMillis() / (double) total);
    }

    CommandView view(Instant now) {
        return new CommandView(
                id,
                kind,
                serverId,
                serverName,
                registered(now) ? status(now) : null,
                log(now),
                added,
                executeAt,
                completeAt);
    }
}
