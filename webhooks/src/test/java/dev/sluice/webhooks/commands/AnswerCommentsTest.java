package dev.sluice.webhooks.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.github.GitHubSettings;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.EventParser;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.intake.ParsedEvent;
import dev.sluice.webhooks.review.ReviewPullRequest;
import dev.sluice.webhooks.review.ReviewReporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerCommentsTest {

    private WireMockServer github;
    private AnswerComments handler;

    @BeforeEach
    void start() {
        github = new WireMockServer(options().dynamicPort());
        github.start();
        String json = "application/json";
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"},\"url\":\""
                        + github.baseUrl() + "/repos/acme/shop\"}")));
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop/issues/7")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"number\":7,\"url\":\"" + github.baseUrl() + "/repos/acme/shop/issues/7\"}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"id\":9}")));
        GitHubClients clients = new GitHubClients(new GitHubSettings(github.baseUrl(), Optional.empty(), Optional.empty(),
                Optional.of("ghp_test")), Clock.systemUTC());
        handler = new AnswerComments(clients, new ReviewPullRequest(clients,
                new RepositoryMirrors(Path.of("unused"), "file:///unused/{owner}/{repo}.git"), new ReviewReporter(), new dev.sluice.webhooks.review.Planner(java.util.Map.of()), false));
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    private static GitHubEvent comment(String action, String body, String login, String type, boolean onPullRequest) {
        String json = """
                {"action":"%s","issue":{"number":7,%s"title":"t"},
                 "comment":{"id":123,"body":%s,"user":{"login":"%s","type":"%s"}},
                 "repository":{"full_name":"acme/shop","name":"shop","owner":{"login":"acme"}},"installation":{"id":42}}"""
                .formatted(action, onPullRequest ? "\"pull_request\":{\"url\":\"https://api.github.com/repos/acme/shop/pulls/7\"}," : "",
                        quote(body), login, type);
        return ((ParsedEvent.Known) new EventParser().parse("issue_comment", json.getBytes(StandardCharsets.UTF_8))).event();
    }

    private static String quote(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String replied() throws Exception {
        var requests = github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        assertThat(requests).hasSize(1);
        return new ObjectMapper().readTree(requests.getFirst().getBodyAsString()).get("body").asText();
    }

    @Test
    void anUnknownCommandGetsAReplyListingTheValidOnes() throws Exception {
        HandlerResult result = handler.handle("d", comment("created", "/sluice pln", "alice", "User", true));

        assertThat(result).isInstanceOf(HandlerResult.Done.class);
        assertThat(replied()).startsWith("@alice `/sluice pln` is not a command; did you mean `/sluice plan`?")
                .contains("- `/sluice help`: this list").contains("- `/sluice plan`: review the migrations again");
    }

    @Test
    void helpIsAnswered() throws Exception {
        handler.handle("d", comment("created", "/sluice help", "alice", "User", true));
        assertThat(replied()).startsWith("@alice Sluice commands, one per line:");
    }

    @Test
    void editedCommentsPlainIssuesAndBotsAreIgnored() {
        assertThat(handler.handle("d", comment("edited", "/sluice help", "alice", "User", true)))
                .isEqualTo(new HandlerResult.Done("comment edited: only new comments run commands"));
        assertThat(handler.handle("d", comment("created", "/sluice help", "alice", "User", false)))
                .isEqualTo(new HandlerResult.Done("comment on issue #7, not a pull request"));
        assertThat(handler.handle("d", comment("created", "/sluice help", "sluice[bot]", "Bot", true)))
                .isEqualTo(new HandlerResult.Done("comment by a bot: ignored"));
        assertThat(handler.handle("d", comment("created", "/sluice help", "other-ci", "Bot", true)))
                .isEqualTo(new HandlerResult.Done("comment by a bot: ignored"));
        github.verify(0, postRequestedFor(anyUrl()));
        assertThat(github.findAll(WireMock.anyRequestedFor(anyUrl()))).isEmpty();
    }
}
