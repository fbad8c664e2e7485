package dev.sluice.webhooks.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What would run where if the pull request were merged and released: per environment and target,
 * the versions that target's databases do not have yet, read from their history (read-only).
 *
 * @param databases how many databases the target has (1, or the size of a group)
 * @param pending   the scripts that would run, in order
 * @param problem   why the target could not be read, or what is wrong there; empty when fine
 */
public record EnvironmentPlan(String environment, String target, int databases, List<String> pending, Optional<String> problem) {

    public EnvironmentPlan {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(target, "target");
        pending = List.copyOf(pending);
        Objects.requireNonNull(problem, "problem");
    }
}
