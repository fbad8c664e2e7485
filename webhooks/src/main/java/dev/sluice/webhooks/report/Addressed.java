package dev.sluice.webhooks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * GitHub objects addressed by what the outbox remembers (repository name, issue number, comment
 * id) without fetching them first. github-api 1.330 has no public "comment by id"; it binds a
 * comment to its issue and repository when it reads a webhook payload, so this reads a minimal
 * {@code issue_comment} payload. A report then costs one request (the PATCH), not a read and a
 * write, and a deleted comment answers that PATCH with 404.
 */
final class Addressed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Addressed() {
    }

    static GHRepository repository(GitHub github, String repository) throws IOException {
        return payload(github, repository, 0, 0).getRepository();
    }

    static GHIssue issue(GitHub github, String repository, int number) throws IOException {
        return payload(github, repository, number, 0).getIssue();
    }

    static GHIssueComment comment(GitHub github, String repository, int number, long id) throws IOException {
        return payload(github, repository, number, id).getComment();
    }

    private static GHEventPayload.IssueComment payload(GitHub github, String repository, int number, long commentId) throws IOException {
        int slash = repository.indexOf('/');
        if (slash <= 0 || slash == repository.length() - 1) {
            throw new IllegalArgumentException("not an owner/name repository: " + repository);
        }
        ObjectNode payload = JSON.createObjectNode();
        ObjectNode repo = payload.putObject("repository");
        repo.put("name", repository.substring(slash + 1)).put("full_name", repository);
        repo.putObject("owner").put("login", repository.substring(0, slash));
        payload.putObject("issue").put("number", number);
        payload.putObject("comment").put("id", commentId);
        return github.parseEventPayload(new StringReader(JSON.writeValueAsString(payload)), GHEventPayload.IssueComment.class);
    }
}
