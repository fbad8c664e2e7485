package dev.sluice.app.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * GitHub as WireMock plays it for the promotion tests: an App installation, a repository, who has
 * which permission and which team membership, and endpoints that accept comments, check runs and
 * label changes, recorded for the assertions.
 */
public final class GitHubSimulation {

    static final String JSON = "application/json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    final WireMockServer server;

    public GitHubSimulation(WireMockServer server) {
        this.server = server;
    }

    /** A fresh RSA key in PKCS#8 PEM, as the App key (WireMock does not check the JWT it signs). */
    public static String privateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate()
                    .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The controller's properties for an end-to-end test: its database, GitHub at WireMock with an
     * App, git from {@code folder/upstream}, and every worker left to the test to drive inline.
     */
    public static java.util.Map<String, String> controllerProperties(dev.sluice.testsupport.TestDatabase controller,
            WireMockServer github, java.nio.file.Path folder, String secret) {
        java.util.Map<String, String> properties = new java.util.HashMap<>(controller.micronautDatasource());
        properties.put("sluice.github.webhook-secret", secret);
        properties.put("sluice.repositories", "acme/shop");
        properties.put("sluice.github.api-url", github.baseUrl());
        properties.put("sluice.github.app-id", "12345");
        properties.put("sluice.github.private-key", privateKey());
        // The folder's URI ends in a slash only when it exists.
        properties.put("sluice.github.clone-url", folder.resolve("upstream").toUri().toString().replaceAll("/?$", "/")
                + "{owner}/{repo}.git");
        properties.put("sluice.git.mirrors", folder.resolve("mirrors").toString());
        properties.put("sluice.queue.initial-delay", "1h");
        properties.put("sluice.queue.work-on-arrival", "false");
        properties.put("sluice.pipeline.initial-delay", "1h");
        properties.put("sluice.pipeline.wake-on-change", "false");
        properties.put("sluice.reports.initial-delay", "1h");
        properties.put("sluice.drift.initial-delay", "1h");
        return properties;
    }

    /**
     * @param permissions login → GitHub permission (admin, write, read, none)
     * @param dbaMembers  active members of @acme/dba
     */
    public void stub(Map<String, String> permissions, List<String> dbaMembers, Map<Integer, String[]> pullRequests) {
        server.resetAll();
        String base = server.baseUrl();
        json(WireMock.get(urlEqualTo("/app")), 200, "{\"id\":12345,\"slug\":\"sluice\"}");
        json(WireMock.get(urlEqualTo("/app/installations/42")), 200,
                "{\"id\":42,\"access_tokens_url\":\"" + base + "/app/installations/42/access_tokens\"}");
        json(post(urlEqualTo("/app/installations/42/access_tokens")), 201, "{\"token\":\"ghs_e2e\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
        json(WireMock.get(urlEqualTo("/repos/acme/shop")), 200, "{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\","
                + "\"owner\":{\"login\":\"acme\"},\"default_branch\":\"main\",\"url\":\"" + base + "/repos/acme/shop\"}");
        pullRequests.forEach((number, shas) -> json(WireMock.get(urlEqualTo("/repos/acme/shop/pulls/" + number)), 200,
                "{\"number\":" + number + ",\"url\":\"" + base + "/repos/acme/shop/pulls/" + number + "\",\"issue_url\":\"" + base
                        + "/repos/acme/shop/issues/" + number + "\",\"user\":{\"login\":\"author\"},\"state\":\"open\","
                        + "\"head\":{\"sha\":\"" + shas[0] + "\",\"ref\":\"feature\"},\"base\":{\"sha\":\"" + shas[1]
                        + "\",\"ref\":\"main\"}}"));
        json(WireMock.get(urlPathMatching("/repos/acme/shop/collaborators/[^/]+/permission")), 200,
                "{\"permission\":\"none\",\"role_name\":\"none\"}");
        permissions.forEach((login, permission) -> json(WireMock.get(urlEqualTo("/repos/acme/shop/collaborators/" + login + "/permission")),
                200, "{\"permission\":\"" + permission + "\",\"role_name\":\"" + permission + "\",\"user\":{\"login\":\"" + login + "\"}}"));
        json(WireMock.get(urlPathMatching("/orgs/acme/teams/dba/memberships/.*")), 404, "{\"message\":\"Not Found\"}");
        for (String member : dbaMembers) {
            json(WireMock.get(urlEqualTo("/orgs/acme/teams/dba/memberships/" + member)), 200,
                    "{\"state\":\"active\",\"role\":\"member\",\"url\":\"" + base + "/orgs/acme/teams/dba/memberships/" + member + "\"}");
        }
        json(WireMock.get(urlPathMatching("/repos/acme/shop/issues/\\d+/comments")), 200, "[]");
        json(post(urlPathMatching("/repos/acme/shop/issues/\\d+/comments")), 201, "{\"id\":2001,\"body\":\"created\"}");
        json(patch(urlPathMatching("/repos/acme/shop/issues/comments/\\d+")), 200, "{\"id\":2001,\"body\":\"updated\"}");
        json(WireMock.get(urlPathMatching("/repos/acme/shop/commits/[0-9a-f]+/check-runs")), 200, "{\"total_count\":0,\"check_runs\":[]}");
        json(post(urlPathEqualTo("/repos/acme/shop/check-runs")), 201, "{\"id\":3000,\"name\":\"sluice/review\"}");
        int id = 3001;
        for (String environment : List.of("dev", "staging", "prod")) {
            String name = "sluice/deploy: " + environment;
            server.stubFor(post(urlPathEqualTo("/repos/acme/shop/check-runs")).withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                    .atPriority(1).willReturn(aResponse().withStatus(201).withHeader("Content-Type", JSON)
                            .withBody("{\"id\":" + id + ",\"name\":\"" + name + "\"}")));
            json(patch(urlEqualTo("/repos/acme/shop/check-runs/" + id)), 200, "{\"id\":" + id + ",\"name\":\"" + name + "\"}");
            id++;
        }
        json(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues")), 200, "[]");
        json(post(urlPathEqualTo("/repos/acme/shop/issues")), 201, "{\"number\":31,\"title\":\"created\"}");
        json(patch(urlPathMatching("/repos/acme/shop/issues/\\d+")), 200, "{\"number\":31}");
        json(post(urlPathMatching("/repos/acme/shop/issues/\\d+/labels")), 200, "[]");
        json(WireMock.delete(urlPathMatching("/repos/acme/shop/issues/\\d+/labels/.*")), 200, "[]");
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String body) {
        server.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body)));
    }

    /** Bodies of the comments posted on a pull request (replies and the first post of sticky comments). */
    public List<String> commentsPosted(int number) {
        return bodies(server.findAll(WireMock.postRequestedFor(urlEqualTo("/repos/acme/shop/issues/" + number + "/comments"))), "body");
    }

    /** The latest text of the sticky release comment: its last edit, or its first post. */
    String releaseComment(int number) {
        List<String> texts = new ArrayList<>(commentsPosted(number).stream().filter(body -> body.startsWith("<!-- sluice:release -->")).toList());
        for (LoggedRequest edit : server.findAll(WireMock.patchRequestedFor(urlPathMatching("/repos/acme/shop/issues/comments/\\d+")))) {
            String body = field(edit, "body");
            if (body.startsWith("<!-- sluice:release -->")) {
                texts.add(body);
            }
        }
        return texts.isEmpty() ? "" : texts.getLast();
    }

    /** Every state the check run of an environment was given, in order: queued, in_progress, completed:success… */
    List<String> deployCheckStates(String environment) {
        int id = 3001 + List.of("dev", "staging", "prod").indexOf(environment);
        List<LoggedRequest> requests = new ArrayList<>();
        for (LoggedRequest created : server.findAll(WireMock.postRequestedFor(urlPathEqualTo("/repos/acme/shop/check-runs")))) {
            if (("sluice/deploy: " + environment).equals(field(created, "name"))) {
                requests.add(created);
            }
        }
        requests.addAll(server.findAll(WireMock.patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/" + id))));
        requests.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        List<String> states = new ArrayList<>();
        for (LoggedRequest request : requests) {
            String status = field(request, "status");
            String conclusion = field(request, "conclusion");
            String state = status + (conclusion.isEmpty() ? "" : ":" + conclusion);
            if (states.isEmpty() || !states.getLast().equals(state)) {
                states.add(state);
            }
        }
        return states;
    }

    private static List<String> bodies(List<LoggedRequest> requests, String field) {
        return requests.stream().map(request -> field(request, field)).toList();
    }

    static String field(LoggedRequest request, String field) {
        try {
            JsonNode node = MAPPER.readTree(request.getBodyAsString()).get(field);
            return node == null || node.isNull() ? "" : node.asText();
        } catch (Exception e) {
            return "";
        }
    }
}
