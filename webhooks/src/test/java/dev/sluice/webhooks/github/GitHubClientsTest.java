package dev.sluice.webhooks.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubClientsTest {

    private static final String REPOSITORY = """
            {"id":1,"name":"shop","full_name":"acme/shop","owner":{"login":"acme"},"default_branch":"main","private":true}""";

    private WireMockServer github;
    private KeyPair key;

    @BeforeEach
    void start() throws Exception {
        github = new WireMockServer(options().dynamicPort());
        github.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    /** The key as GitHub hands it out: PKCS#1 PEM. */
    private String pkcs1Pem() {
        byte[] pkcs8 = key.getPrivate().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    /** The App, its installation 42, and the token GitHub mints for it ({@code ghs_installation}). */
    private void stubAppWithInstallation42() {
        github.stubFor(get(urlEqualTo("/app")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\":12345,\"slug\":\"sluice\",\"name\":\"Sluice\"}")));
        github.stubFor(get(urlEqualTo("/app/installations/42")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\":42,\"access_tokens_url\":\"" + github.baseUrl() + "/app/installations/42/access_tokens\"}")));
        github.stubFor(post(urlEqualTo("/app/installations/42/access_tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"token\":\"ghs_installation\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
    }

    @Test
    void anAppSignsAJwtMintsAnInstallationTokenOnceAndUsesIt() throws Exception {
        stubAppWithInstallation42();
        github.stubFor(get(urlEqualTo("/repos/acme/shop")).withHeader("Authorization", equalTo("token ghs_installation"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(REPOSITORY)));
        GitHubClients clients = new GitHubClients(new GitHubSettings(github.baseUrl(), Optional.of(12345L), Optional.of(pkcs1Pem()),
                Optional.empty()), Clock.systemUTC());

        assertThat(clients.forInstallation(42).getRepository("acme/shop").getDefaultBranch()).isEqualTo("main");
        assertThat(clients.forInstallation(42).getRepository("acme/shop").getFullName()).isEqualTo("acme/shop");
        assertThat(clients.gitToken(42)).isEqualTo("ghs_installation");

        github.verify(1, postRequestedFor(urlEqualTo("/app/installations/42/access_tokens")));
        String jwt = github.findAll(getRequestedFor(urlEqualTo("/app/installations/42"))).getFirst()
                .getHeader("Authorization").substring("Bearer ".length());
        Claims claims = Jwts.parser().verifyWith(key.getPublic()).build().parseSignedClaims(jwt).getPayload();
        assertThat(claims.getIssuer()).isEqualTo("12345");
        assertThat(claims.getIssuedAt().toInstant()).as("issued in the past, for clock drift").isBefore(Instant.now());
        assertThat(claims.getExpiration().toInstant()).isBefore(Instant.now().plusSeconds(601));
    }

    @Test
    void writesGoThroughTheGateOfTheirInstallationAndReadsAndTokenMintingDoNot() throws Exception {
        stubAppWithInstallation42();
        github.stubFor(get(urlEqualTo("/repos/acme/shop")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(REPOSITORY)));
        github.stubFor(get(urlEqualTo("/repos/acme/shop/issues/7")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"number\":7,\"url\":\"" + github.baseUrl() + "/repos/acme/shop/issues/7\"}")));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        github.stubFor(WireMock.delete(urlEqualTo("/repos/acme/shop/issues/7/labels/sluice%2Fhold"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        List<String> gated = new CopyOnWriteArrayList<>();
        WriteGate recording = new WriteGate() {
            @Override
            public <T> T serially(long installation, Write<T> write) throws IOException {
                gated.add(Long.toString(installation));
                return write.send();
            }
        };
        GitHubClients clients = new GitHubClients(new GitHubSettings(github.baseUrl(), Optional.of(12345L), Optional.of(pkcs1Pem()),
                Optional.empty()), Clock.systemUTC(), GitHubCallListener.NONE, recording);

        clients.forInstallation(42).getRepository("acme/shop").getIssue(7).comment("hello");
        clients.delete(42, List.of("repos", "acme", "shop", "issues", "7", "labels", "sluice/hold"));

        assertThat(gated).as("the comment and the label removal, not the reads or the token").containsExactly("42", "42");
    }

    @Test
    void aTokenIsSentAsIs() throws Exception {
        github.stubFor(get(urlEqualTo("/repos/acme/shop")).withHeader("Authorization", equalTo("token ghp_personal"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(REPOSITORY)));
        GitHubClients clients = new GitHubClients(new GitHubSettings(github.baseUrl(), Optional.empty(), Optional.empty(),
                Optional.of("ghp_personal")), Clock.systemUTC());

        assertThat(clients.forInstallation(0).getRepository("acme/shop").getName()).isEqualTo("shop");
        assertThat(clients.usesChecks()).isFalse();
        assertThat(clients.gitToken(0)).isEqualTo("ghp_personal");
    }

    @Test
    void rateLimitsThrowWithTheTimeGitHubNamedInsteadOfSleeping() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
        GitHubClients clients = new GitHubClients(new GitHubSettings(github.baseUrl(), Optional.empty(), Optional.empty(),
                Optional.of("ghp_personal")), clock);
        github.stubFor(get(urlEqualTo("/repos/acme/primary")).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-reset", "1795000000").withBody("{\"message\":\"API rate limit exceeded\"}")));
        github.stubFor(get(urlEqualTo("/repos/acme/secondary")).willReturn(aResponse().withStatus(403)
                .withHeader("retry-after", "60").withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}")));

        assertThatThrownBy(() -> clients.forInstallation(0).getRepository("acme/primary"))
                .isInstanceOfSatisfying(GitHubBusy.class, busy -> assertThat(busy.retryAt()).isEqualTo(Instant.ofEpochSecond(1795000000)));
        assertThatThrownBy(() -> clients.forInstallation(0).getRepository("acme/secondary"))
                .isInstanceOfSatisfying(GitHubBusy.class, busy -> assertThat(busy.retryAt()).isEqualTo(Instant.parse("2026-11-21T12:01:00Z")));
        github.verify(1, getRequestedFor(urlEqualTo("/repos/acme/secondary")).withHeader("Authorization", matching("token .*")));
    }
}
