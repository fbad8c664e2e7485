package dev.sluice.webhooks.report;

import dev.sluice.rollout.drift.DriftStates;

/** The text of the GitHub issue about a drifted target database. */
final class DriftIssue {

    private DriftIssue() {
    }

    static String marker(String label) {
        return "<!-- sluice:drift " + label + " -->";
    }

    static String title(DriftStates.DriftState state) {
        return "Schema drift on " + state.label();
    }

    static String render(DriftStates.DriftState state) {
        String body = marker(state.label()) + "\n"
                + "### Schema drift on `" + state.label() + "`\n\n"
                + "The schema differs from the one Sluice recorded after it last changed this database"
                + state.since().map(since -> ", since " + since).orElse("") + " (last checked " + state.checkedAt() + "): "
                + state.differences() + " difference" + (state.differences() == 1 ? "" : "s") + ".\n\n"
                + "```\n" + state.report().strip().replace("```", "` ` `") + "\n```\n\n"
                + "Deploys to this database stop until it is resolved: put the schema back (the SQL above, where given), or"
                + " accept the live schema with `/sluice baseline <environment> " + state.label() + "` on a pull request."
                + " Sluice closes this issue when the schema is as recorded again.\n";
        return Markdown.truncate(body, ReleaseComment.LIMIT, "\n… (cut: too long for an issue)\n");
    }
}
