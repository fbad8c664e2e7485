package dev.sluice.webhooks.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.github.GitHubClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPermissionType;

/**
 * Decides whether a GitHub user may take an action, asking GitHub at that moment: the
 * collaborator permission API (admin and write allow; maintain reports write, triage reports
 * read) and, for teams, the team membership API (only an active membership counts). Never the
 * payload's {@code author_association}, which is a relationship label, not a permission.
 */
public final class Authorizer {

    private static final String UNREADABLE = "unreadable";

    private final GitHubClients github;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public Authorizer(GitHubClients github, Clock clock) {
        this.github = github;
        this.clock = clock;
    }

    /** Throws {@link IOException} (or {@link GitHubBusy}) when GitHub cannot answer: the caller retries later. */
    public Authorization decide(long installation, String repository, String login, Requirement requirement) throws IOException {
        String access = access(installation, repository, login);
        boolean writes = access.equals("admin") || access.equals("write");
        String needs = switch (requirement) {
            case Requirement.WriteAccess write -> "write access";
            case Requirement.Approver approver -> "write access and " + approverPhrase(approver.approvers());
        };
        String has = access.equals("none") ? "no access to " + repository : access + " access to " + repository;
        if (!writes) {
            return new Authorization.Denied("@" + login + " has " + has + "; " + requirement.action() + " needs " + needs + ".");
        }
        return switch (requirement) {
            case Requirement.WriteAccess write -> new Authorization.Allowed();
            case Requirement.Approver approver -> approver(installation, login, approver, has, needs);
        };
    }

    private Authorization approver(long installation, String login, Requirement.Approver requirement, String has, String needs)
            throws IOException {
        List<String> pending = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String entry : requirement.approvers()) {
            if (!entry.startsWith("@") && entry.equalsIgnoreCase(login)) {
                return new Authorization.Allowed();
            }
        }
        for (String entry : requirement.approvers()) {
            if (entry.startsWith("@") && entry.indexOf('/') > 1) {
                String org = entry.substring(1, entry.indexOf('/'));
                String slug = entry.substring(entry.indexOf('/') + 1);
                Optional<String> state = membership(installation, org, slug, login);
                if (state.equals(Optional.of("active"))) {
                    return new Authorization.Allowed();
                }
                if (state.equals(Optional.of(UNREADABLE))) {
                    unreadable.add(entry);
                } else if (state.isPresent()) {
                    pending.add(entry);
                }
            }
        }
        return new Authorization.Denied("@" + login + " has " + has + " but is not an approver of " + requirement.environment()
                + (pending.isEmpty() ? "" : " (their membership of " + String.join(" and ", pending) + " is pending)")
                + (unreadable.isEmpty() ? "" : " (GitHub did not let Sluice read " + String.join(" and ", unreadable)
                        + ": the app needs the organization permission Members: read)")
                + "; " + requirement.action() + " needs " + needs + ".");
    }

    /** "membership of @acme/dba or being alice". */
    static String approverPhrase(List<String> approvers) {
        List<String> teams = approvers.stream().filter(entry -> entry.startsWith("@")).toList();
        List<String> people = approvers.stream().filter(entry -> !entry.startsWith("@")).toList();
        List<String> parts = new ArrayList<>();
        if (!teams.isEmpty()) {
            parts.add("membership of " + String.join(" or ", teams));
        }
        if (!people.isEmpty()) {
            parts.add("being " + String.join(" or ", people));
        }
        return String.join(" or ", parts);
    }

    /** admin, write, read or none: GitHub's effective permission (a 404 means no access at all). */
    private String access(long installation, String repository, String login) throws IOException {
        var repo = github.forInstallation(installation).getRepository(repository);
        GHPermissionType permission;
        try {
            permission = repo.getPermission(login);
        } catch (GHFileNotFoundException e) {
            return "none";
        }
        return switch (permission) {
            case ADMIN -> "admin";
            case WRITE -> "write";
            case READ -> "read";
            case NONE, UNKNOWN -> "none";
        };
    }

    /**
     * The user's membership state in the team (active or pending), empty when not a member. The
     * library's team API does not report the state, so this is a plain REST call with the
     * installation's token.
     */
    private Optional<String> membership(long installation, String org, String slug, String login) throws IOException {
        URI uri = URI.create(github.apiUrl() + "/orgs/" + encode(org) + "/teams/" + encode(slug) + "/memberships/" + encode(login));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Authorization", "Bearer " + github.gitToken(installation))
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking GitHub for @" + org + "/" + slug + " membership", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 429 || status == 403 && busy(response)) {
            Instant retryAt = response.headers().firstValue("retry-after").map(value -> clock.instant().plusSeconds(Long.parseLong(value.strip())))
                    .or(() -> response.headers().firstValue("x-ratelimit-reset").map(reset -> Instant.ofEpochSecond(Long.parseLong(reset))))
                    .orElse(clock.instant().plusSeconds(60));
            throw new GitHubBusy("GitHub rate limit reading team membership; retry at " + retryAt, retryAt);
        }
        if (status == 403) {
            return Optional.of(UNREADABLE); // fail closed, and say so: retrying will not grant the permission
        }
        if (status != 200) {
            throw new IOException("GitHub answered " + status + " for the membership of " + login + " in @" + org + "/" + slug);
        }
        JsonNode state = json.readTree(response.body()).path("state");
        return state.isTextual() ? Optional.of(state.asText().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean busy(HttpResponse<String> response) {
        return response.headers().firstValue("retry-after").isPresent()
                || response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent()
                || response.body().toLowerCase(Locale.ROOT).contains("rate limit");
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
