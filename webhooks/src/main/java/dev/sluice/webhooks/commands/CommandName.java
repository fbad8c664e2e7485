package dev.sluice.webhooks.commands;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The comment commands of CONTRACT §8, a closed set; each says whether this version runs it yet. */
public enum CommandName {
    HELP("help", "this list", true),
    PLAN("plan", "review the migrations again and refresh the review comment", true),
    STATUS("status", "where each release stands", false),
    APPROVE("approve", "approve <env>: approve the release for an environment", false),
    UNAPPROVE("unapprove", "unapprove <env>: take an approval back", false),
    DEPLOY("deploy", "deploy <env>: start the rollout to an environment", false),
    PAUSE("pause", "pause <env>: hold an environment", false),
    RESUME("resume", "resume <env>: let a paused environment go on", false),
    RETRY("retry", "retry <env> [<target-or-database>]: try failed targets again", false),
    ROLLBACK("rollback", "rollback <env> [--to <version>]: apply down migrations", false),
    BASELINE("baseline", "baseline <env> <target>: accept a target's live schema", false);

    private final String word;
    private final String usage;
    private final boolean available;

    CommandName(String word, String usage, boolean available) {
        this.word = word;
        this.usage = usage;
        this.available = available;
    }

    public String word() {
        return word;
    }

    public String usage() {
        return usage;
    }

    /** Whether this version of Sluice runs the command (the others arrive with promotion and drift). */
    public boolean available() {
        return available;
    }

    public static Optional<CommandName> of(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(name -> name.word.equals(lower)).findFirst();
    }
}
