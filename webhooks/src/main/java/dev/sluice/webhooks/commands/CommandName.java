package dev.sluice.webhooks.commands;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The comment commands of CONTRACT §8, a closed set; each says whether this version runs it yet and how it is used. */
public enum CommandName {
    HELP("help", "this list", ""),
    PLAN("plan", "review the migrations again and refresh the review comment", ""),
    STATUS("status", "where this pull request's release stands in each environment", ""),
    APPROVE("approve", "approve <env>: approve the migrations for an environment (approvers of <env> with write access)", ""),
    UNAPPROVE("unapprove", "unapprove <env>: take your approval back", ""),
    DEPLOY("deploy", "deploy <env>: start the release's rollout to an environment now (write access)", ""),
    PAUSE("pause", "pause <env>: stop new deployments to an environment (write access)", ""),
    RESUME("resume", "resume <env>: let a paused environment go on (write access)", ""),
    RETRY("retry", "retry <env> [<target-or-database>]: try failed databases again (write access)", ""),
    ROLLBACK("rollback", "rollback <env> [--to <version>]: apply down migrations (write access)", ""),
    BASELINE("baseline", "baseline <env> <target>: accept a target's live schema as the recorded one, ending its drift"
            + " (approvers of <env> with write access)", "");

    private final String word;
    private final String usage;
    private final String arrivesWith;

    CommandName(String word, String usage, String arrivesWith) {
        this.word = word;
        this.usage = usage;
        this.arrivesWith = arrivesWith;
    }

    public String word() {
        return word;
    }

    public String usage() {
        return usage;
    }

    /** Whether this version of Sluice runs the command. */
    public boolean available() {
        return arrivesWith.isEmpty();
    }

    /** For a command not available yet, the feature it arrives with; empty otherwise. */
    public String arrivesWith() {
        return arrivesWith;
    }

    public static Optional<CommandName> of(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(name -> name.word.equals(lower)).findFirst();
    }
}
