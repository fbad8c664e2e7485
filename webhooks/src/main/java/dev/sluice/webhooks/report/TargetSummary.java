package dev.sluice.webhooks.report;

import dev.sluice.rollout.pipeline.DeploymentState;
import dev.sluice.rollout.pipeline.TargetRun;
import dev.sluice.rollout.pipeline.TargetRunState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The databases of one deployment under one target: a single database is shown as it is, a
 * database group is summarised on one row ("18 of 20 succeeded, 1 failed, 1 pending") with the
 * databases listed apart, failed ones first.
 */
record TargetSummary(String target, List<TargetRun> runs) {

    TargetSummary {
        Objects.requireNonNull(target, "target");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a target summary needs its databases");
        }
    }

    /** Per target, in the order the deployment runs them. */
    static List<TargetSummary> of(List<TargetRun> runs) {
        Map<String, List<TargetRun>> byTarget = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparingInt(TargetRun::ordinal))
                .forEach(run -> byTarget.computeIfAbsent(run.target(), key -> new ArrayList<>()).add(run));
        return byTarget.entrySet().stream().map(entry -> new TargetSummary(entry.getKey(), entry.getValue())).toList();
    }

    boolean group() {
        return runs.size() > 1 || !runs.getFirst().database().isEmpty();
    }

    TargetRunState state() {
        if (count(TargetRunState.FAILED) > 0) {
            return TargetRunState.FAILED;
        }
        if (count(TargetRunState.RUNNING) > 0 || count(TargetRunState.SUCCEEDED) > 0 && count(TargetRunState.PENDING) > 0) {
            return TargetRunState.RUNNING;
        }
        return count(TargetRunState.PENDING) > 0 ? TargetRunState.PENDING : TargetRunState.SUCCEEDED;
    }

    int count(TargetRunState state) {
        return (int) runs.stream().filter(run -> run.state() == state).count();
    }

    /** "18 of 20 succeeded, 1 failed, 1 pending" for a group; the state in words for one database. */
    String progress() {
        if (!group()) {
            return word(runs.getFirst().state());
        }
        StringBuilder text = new StringBuilder().append(count(TargetRunState.SUCCEEDED)).append(" of ").append(runs.size())
                .append(" succeeded");
        for (TargetRunState state : List.of(TargetRunState.FAILED, TargetRunState.RUNNING, TargetRunState.PENDING)) {
            if (count(state) > 0) {
                text.append(", ").append(count(state)).append(' ').append(word(state));
            }
        }
        return text.toString();
    }

    /** Every version applied in any of its databases, in the order first seen. */
    List<String> versions() {
        Set<String> versions = new LinkedHashSet<>();
        runs.forEach(run -> versions.addAll(run.versions()));
        return List.copyOf(versions);
    }

    /** The longest database: a group's databases run in waves, so the sum would overstate it. */
    Optional<Duration> duration() {
        return runs.stream().flatMap(run -> run.duration().stream()).max(Comparator.naturalOrder());
    }

    /** What went wrong (the first failed database, named in a group), or why nothing ran. */
    String detail() {
        Optional<TargetRun> failed = runs.stream().filter(run -> run.state() == TargetRunState.FAILED).findFirst();
        TargetRun shown = failed.orElse(runs.getFirst());
        if (shown.detail().isEmpty() || group() && failed.isEmpty()) {
            return "";
        }
        return group() ? shown.database() + ": " + shown.detail() : shown.detail();
    }

    /** The databases for the folded list: failed first, then running, pending and succeeded, each in run order. */
    List<TargetRun> listed() {
        List<TargetRunState> order = List.of(TargetRunState.FAILED, TargetRunState.RUNNING, TargetRunState.PENDING, TargetRunState.SUCCEEDED);
        return runs.stream().sorted(Comparator.comparingInt((TargetRun run) -> order.indexOf(run.state())).thenComparingInt(TargetRun::ordinal))
                .toList();
    }

    static String emoji(TargetRunState state) {
        return switch (state) {
            case PENDING -> ":hourglass:";
            case RUNNING -> ":arrows_counterclockwise:";
            case SUCCEEDED -> ":white_check_mark:";
            case FAILED -> ":x:";
        };
    }

    static String word(TargetRunState state) {
        return state.word();
    }

    static String emoji(DeploymentState state) {
        return switch (state) {
            case WAITING -> ":hourglass:";
            case READY -> ":arrow_forward:";
            case RUNNING -> ":arrows_counterclockwise:";
            case SUCCEEDED -> ":white_check_mark:";
            case FAILED -> ":x:";
        };
    }

    /**
     * The databases of a group folded in {@code <details>}, at most {@code cap} rows and a note for
     * the rest, so 5,000 tenants stay readable and inside GitHub's limits.
     */
    String folded(String heading, int cap) {
        StringBuilder text = new StringBuilder("<details><summary>").append(heading).append(": ").append(progress())
                .append("</summary>\n\n| database | state | versions | duration | detail |\n|---|---|---|---|---|\n");
        List<TargetRun> listed = listed();
        for (TargetRun run : listed.subList(0, Math.min(cap, listed.size()))) {
            text.append("| ").append(Markdown.cell(run.database().isEmpty() ? run.target() : run.database())).append(" | ")
                    .append(emoji(run.state())).append(' ').append(word(run.state())).append(" | ")
                    .append(Markdown.versions(run.versions())).append(" | ").append(Markdown.duration(run.duration())).append(" | ")
                    .append(Markdown.cell(run.detail())).append(" |\n");
        }
        if (listed.size() > cap) {
            text.append("\n… and ").append(listed.size() - cap).append(" more.\n");
        }
        return text.append("\n</details>\n").toString();
    }
}
