package dev.sluice.webhooks.review;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sluice.review.Finding;
import dev.sluice.review.FileReview;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Severity;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.github.GitHubSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

/** GitHub's limits and faults (RELIABILITY scenarios 60-62, 66-68, 70). */
class ReviewReporterTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private WireMockServer github;
    private GHRepository repository;
    private GHPullRequest pullRequest;

    @BeforeEach
    void start() throws IOException {
        github = new WireMockServer(options().dynamicPort());
        github.start();
        String json = "application/json";
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"},\"url\":\""
                        + github.baseUrl() + "/repos/acme/shop\"}")));
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop/pulls/7")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"number\":7,\"url\":\"" + github.baseUrl() + "/repos/acme/shop/pulls/7\",\"issue_url\":\""
                        + github.baseUrl() + "/repos/acme/shop/issues/7\"}")));
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/commits/" + SHA + "/check-runs"))
                .willReturn(aResponse().withHeader("Content-Type", json).withBody("{\"total_count\":0,\"check_runs\":[]}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"id\":555,\"name\":\"sluice/review\",\"url\":\"" + github.baseUrl()
                        + "/repos/acme/shop/check-runs/555\"}")));
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/555")).willReturn(aResponse()
                .withHeader("Content-Type", json).withBody("{\"id\":555,\"name\":\"sluice/review\"}")));
        GitHubClients clients = new GitHubClients(new GitHubSettings(github.baseUrl(), Optional.empty(), Optional.empty(),
                Optional.of("ghp_test")), Clock.systemUTC());
        repository = clients.forInstallation(0).getRepository("acme/shop");
        pullRequest = repository.getPullRequest(7);
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    private static PullRequestReview review(int findings) {
        List<Finding> list = new ArrayList<>();
        for (int i = 1; i <= findings; i++) {
            list.add(new Finding("prefer-text", Severity.INFO, "db/migrations/V1__big.sql", i, 1, i, "finding " + i, ""));
        }
        return new PullRequestReview("db/migrations", List.of(), new ReviewReport(list,
                List.of(new FileReview("db/migrations/V1__big.sql", true, "", findings))), List.of("prod (strict)"), List.of(), SHA, "main");
    }

    private void noComments() {
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":9}")));
    }

    @Test
    void annotationsGoInBatchesOfFifty() throws Exception {
        noComments();

        new ReviewReporter().report(repository, pullRequest, review(120), true);

        JsonNode created = new ObjectMapper().readTree(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")))
                .getFirst().getBodyAsString());
        assertThat(created.at("/output/annotations")).hasSize(50);
        var patches = github.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/555")));
        assertThat(patches).hasSize(2);
        assertThat(new ObjectMapper().readTree(patches.get(1).getBodyAsString()).at("/output/annotations")).hasSize(20);
    }

    @Test
    void aHugeReviewIsTruncatedBelowGitHubsLimitWithAPointerToTheCheckRun() throws Exception {
        noComments();

        new ReviewReporter().report(repository, pullRequest, review(3000), true);

        String body = new ObjectMapper().readTree(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")))
                .getFirst().getBodyAsString()).get("body").asText();
        assertThat(body.length()).isLessThan(65_536);
        assertThat(body).startsWith(ReviewComment.MARKER).endsWith("every finding is in the `sluice/review` check run.\n");
    }

    @Test
    void aReviewGitHubRefusesAsTooLongIsPostedShortAndTheCheckRunStillGoesOut() throws Exception {
        noComments();
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).withRequestBody(containing("finding 1")).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody(
                        "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"IssueComment\",\"code\":\"custom\","
                                + "\"field\":\"body\",\"message\":\"body is too long (maximum is 65536 characters)\"}]}")));

        new ReviewReporter().report(repository, pullRequest, review(3000), true);

        var posted = github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        assertThat(posted).hasSize(2);
        assertThat(new ObjectMapper().readTree(posted.getLast().getBodyAsString()).get("body").asText())
                .isEqualTo(ReviewComment.MARKER + "\nThe review of " + SHA.substring(0, 7) + " found 3000 findings, too many for a comment"
                        + " (GitHub refused it as too long). Every finding is in the `sluice/review` check run.\n");
        assertThat(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")))).hasSize(1);
    }

    @Test
    void anotherRefusalOfTheCommentIsNotMistakenForALengthProblem() {
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Validation Failed\"}")));

        assertThatThrownBy(() -> new ReviewReporter().report(repository, pullRequest, review(3), true))
                .isInstanceOf(HttpException.class);
        assertThat(github.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")))).hasSize(1);
    }

    @Test
    void aCommentWhoseCreationAnswerWasLostIsEditedOnRetryNotDuplicated() throws Exception {
        String json = "application/json";
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", json).withBody("[]")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("created"));
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(aResponse().withHeader("Content-Type", json).withBody("[{\"id\":31,\"body\":\"" + ReviewComment.MARKER
                        + "\\nfirst\",\"url\":\"" + github.baseUrl() + "/repos/acme/shop/issues/comments/31\"}]")));
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/issues/comments/31")).willReturn(aResponse()
                .withHeader("Content-Type", json).withBody("{\"id\":31}")));

        assertThatThrownBy(() -> new ReviewReporter().report(repository, pullRequest, review(1), true)).isInstanceOf(IOException.class);
        new ReviewReporter().report(repository, pullRequest, review(1), true);

        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/issues/7/comments")));
        github.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/31")));
    }

    @Test
    void aCheckRunAlreadyCreatedForTheHeadIsUpdatedNotDuplicated() throws Exception {
        noComments();
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/commits/" + SHA + "/check-runs"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"total_count\":1,\"check_runs\":[{\"id\":555,"
                        + "\"name\":\"sluice/review\",\"external_id\":\"review:" + SHA + "\",\"url\":\"" + github.baseUrl()
                        + "/repos/acme/shop/check-runs/555\"}]}")));

        new ReviewReporter().report(repository, pullRequest, review(3), true);

        github.verify(0, postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")));
        github.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/555")));
    }
}
