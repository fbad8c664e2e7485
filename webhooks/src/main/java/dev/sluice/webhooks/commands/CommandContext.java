package dev.sluice.webhooks.commands;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a command was given and by whom.
 *
 * @param defaultBranch the repository's default branch when the payload named it
 */
public record CommandContext(long installation, String repository, int pullRequest, String actor, Optional<String> defaultBranch) {

    public CommandContext {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
    }
}
