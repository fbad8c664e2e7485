package dev.sluice.rollout.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who must approve a release before it enters an environment ({@code approval:} in
 * {@code sluice.yaml}). Whether someone may approve is decided against GitHub at the moment they
 * approve; this is only the policy as written.
 */
public sealed interface ApprovalPolicy {

    /** No approval: the release enters as soon as the other gates (soak, window) allow. */
    record Auto() implements ApprovalPolicy {
    }

    /**
     * Approvals from the listed people or teams.
     *
     * @param approvers   GitHub logins ({@code alice}) and teams ({@code @acme/dba})
     * @param required    distinct approvals needed; may exceed the number of entries when a team
     *                    is listed, since a team supplies several people
     * @param allowAuthor whether the pull request's author counts towards {@code required}
     */
    record Approvers(List<String> approvers, int required, boolean allowAuthor) implements ApprovalPolicy {

        // GitHub logins: letters, digits and single inner hyphens; team slugs also take _ and .
        private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
        private static final Pattern TEAM = Pattern.compile("@(" + LOGIN.pattern() + ")/([A-Za-z0-9._-]+)");

        public Approvers {
            approvers = List.copyOf(approvers);
            if (approvers.isEmpty()) {
                throw new IllegalArgumentException("approvers must name at least one person or team");
            }
            for (String entry : approvers) {
                if (isTeam(entry)) {
                    Team.parse(entry);
                } else if (!LOGIN.matcher(entry).matches()) {
                    throw new IllegalArgumentException("approver \"" + entry + "\" is neither a GitHub login (alice) nor a team (@org/team-slug)");
                }
            }
            if (required < 1) {
                throw new IllegalArgumentException("required must be at least 1, not " + required + " (for no approval write approval: auto)");
            }
            // Without a team, nobody beyond the listed people can ever approve: fail now, not at deploy time.
            if (approvers.stream().noneMatch(Approvers::isTeam) && required > approvers.size()) {
                throw new IllegalArgumentException("required is " + required + " but only " + approvers.size()
                        + (approvers.size() == 1 ? " person is" : " people are") + " listed and no team");
            }
        }

        /** Whether the entry names a team ({@code @org/slug}) rather than a person. */
        public static boolean isTeam(String entry) {
            return entry.startsWith("@");
        }

        /** The people listed by login, in the order written. */
        public List<String> users() {
            return approvers.stream().filter(entry -> !isTeam(entry)).toList();
        }

        /** The teams listed, in the order written. */
        public List<Team> teams() {
            return approvers.stream().filter(Approvers::isTeam).map(Team::parse).toList();
        }
    }

    /** A GitHub team, written {@code @org/team-slug}. */
    record Team(String org, String slug) {

        public Team {
            Objects.requireNonNull(org, "org");
            Objects.requireNonNull(slug, "slug");
            if (org.isEmpty() || slug.isEmpty()) {
                throw new IllegalArgumentException("a team has an organization and a slug");
            }
        }

        /** Reads {@code @org/team-slug}. */
        public static Team parse(String entry) {
            Matcher team = Approvers.TEAM.matcher(entry);
            if (!team.matches()) {
                throw new IllegalArgumentException("team \"" + entry + "\" should be written @org/team-slug");
            }
            return new Team(team.group(1), team.group(2));
        }

        @Override
        public String toString() {
            return "@" + org + "/" + slug;
        }
    }
}
