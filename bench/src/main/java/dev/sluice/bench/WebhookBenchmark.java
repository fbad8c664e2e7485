package dev.sluice.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.sluice.webhooks.intake.WebhookSignature;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Webhook acknowledgement latency under a steady 100 requests/s, and the time from a pull request
 * opened to its review comment posted, against {@code sluice serve} running as its own process
 * (embedded PostgreSQL, a local git repository, GitHub simulated by WireMock in this process).
 *
 * <pre>java -cp bench/target/sluice-bench.jar dev.sluice.bench.WebhookBenchmark [seconds] [rate] [jar]</pre>
 */
public final class WebhookBenchmark {

    private static final String SECRET = "bench-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path jar = Path.of(args.length > 2 ? args[2] : "app/target/sluice.jar");
        Path folder = Files.createTempDirectory("sluice-webhook-bench");
        RevCommit[] commits = repository(folder);
        WireMockServer github = new WireMockServer(options().dynamicPort().containerThreads(32));
        github.start();
        stub(github, "[]");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + folder, "-jar", jar.toString(), "serve", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(folder.resolve("serve.log").toFile());
        builder.environment().put("SLUICE_GITHUB_WEBHOOK_SECRET", SECRET);
        builder.environment().put("SLUICE_REPOSITORIES", "acme/shop");
        builder.environment().put("SLUICE_GITHUB_TOKEN", "ghp_bench");
        builder.environment().put("SLUICE_GITHUB_API_URL", github.baseUrl());
        builder.environment().put("SLUICE_GITHUB_CLONE_URL", folder.resolve("upstream").toUri() + "{owner}/{repo}.git");
        builder.environment().put("SLUICE_GIT_MIRRORS", folder.resolve("mirrors").toString());
        Process serve = builder.start();
        try {
            awaitHealthy(port, serve, folder);
            String url = "http://localhost:" + port + "/webhooks/github";
            // Warm-up: JIT and connection pools.
            latencies(url, 5, rate, commits);
            List<Long> latencies = latencies(url, seconds, rate, commits);
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT, "acknowledgement latency at %d requests/s for %d s (%d requests): p50 %.1f ms, p99 %.1f ms,"
                            + " max %.1f ms%n", rate, seconds, latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                    latencies.getLast() / 1e6);

            List<Long> commentTimes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                stub(github, i == 0 ? "[]" : "[{\"id\":1001,\"body\":\"<!-- sluice:review -->\\nold\",\"url\":\"" + github.baseUrl()
                        + "/repos/acme/shop/issues/comments/1001\"}]");
                long start = System.nanoTime();
                send(url, pullRequest(i == 0 ? "opened" : "synchronize", commits));
                while (github.findAll(i == 0 ? postRequestedFor(urlEqualTo("/repos/acme/shop/issues/1/comments"))
                        : patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/comments/1001"))).isEmpty()) {
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                        throw new IllegalStateException("no comment within a minute; see " + folder.resolve("serve.log"));
                    }
                    Thread.sleep(5);
                }
                commentTimes.add(System.nanoTime() - start);
            }
            List<Long> warm = new ArrayList<>(commentTimes.subList(1, commentTimes.size()));
            Collections.sort(warm);
            System.out.printf(Locale.ROOT, "pull request with 10 migration files opened to comment posted: first %.0f ms"
                    + " (clones the repository), then median %.0f ms, max %.0f ms over %d pushes%n",
                    commentTimes.getFirst() / 1e6, percentile(warm, 50), warm.getLast() / 1e6, warm.size());
            System.out.printf(Locale.ROOT, "controller memory after the run: peak RSS %s, heap in use %s (JVM default maximum %s)%n",
                    peakRss(serve.pid()), prometheusMiB(port, "jvm_memory_used_bytes"), prometheusMiB(port, "jvm_memory_max_bytes"));
            System.out.printf("goal p99 <= 50 ms: %s; goal comment within 2 s: %s%n",
                    percentile(latencies, 99) <= 50 ? "PASS" : "FAIL", commentTimes.stream().allMatch(t -> t <= 2e9) ? "PASS" : "FAIL");
        } finally {
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
            github.stop();
        }
    }

    private static List<Long> latencies(String url, int seconds, int rate, RevCommit[] commits) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long total = (long) seconds * rate;
        long intervalNanos = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            clock.schedule(() -> {
                byte[] body = pullRequest("closed", commits).getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                pending.add(HTTP.sendAsync(request(url, body), HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - start);
                }));
            }, i * intervalNanos, TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return new ArrayList<>(latencies);
    }

    /** The controller JVM's peak resident memory (Linux: VmHWM), for the sizing advice in docs/operations.md. */
    private static String peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024 + " MiB";
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "n/a";
    }

    /** The sum over the heap pools of a JVM memory series on the controller's /prometheus. */
    private static String prometheusMiB(int port, String series) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double bytes = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith(series + "{") && line.contains("area=\"heap\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                bytes += Math.max(value, 0);
            }
        }
        return bytes == 0 ? "n/a" : Math.round(bytes / (1024 * 1024)) + " MiB";
    }

    private static void send(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(request(url, body.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpRequest request(String url, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String pullRequest(String action, RevCommit[] commits) {
        return """
                {"action":"%s","number":1,"pull_request":{"number":1,"draft":false,"head":{"sha":"%s"},"base":{"sha":"%s"}},
                 "repository":{"id":1,"name":"shop","full_name":"acme/shop","owner":{"login":"acme"},"default_branch":"main"},
                 "installation":{"id":1},"sender":{"login":"dev"}}""".formatted(action, commits[1].name(), commits[0].name());
    }

    /** main with sluice.yaml and one migration; refs/pull/1/head adds ten more. */
    private static RevCommit[] repository(Path folder) throws Exception {
        Path work = folder.resolve("work");
        RevCommit base;
        RevCommit head;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(work.resolve("db/migrations"));
            Files.writeString(work.resolve("sluice.yaml"), "migrations: db/migrations\nenvironments:\n  - name: prod\n    review: strict\n");
            Files.writeString(work.resolve("db/migrations/V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
            git.add().addFilepattern(".").call();
            base = git.commit().setMessage("base").setAuthor("b", "b@example.com").call();
            for (int v = 2; v <= 11; v++) {
                Files.writeString(work.resolve("db/migrations/V" + v + "__step.sql"), """
                        CREATE TABLE t%d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id bigint REFERENCES accounts (id),
                                          note varchar(40), created timestamptz NOT NULL DEFAULT now());
                        ALTER TABLE accounts ADD COLUMN c%d text;
                        CREATE INDEX accounts_c%d_idx ON accounts (c%d);
                        """.formatted(v, v, v, v));
            }
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("ten migrations").setAuthor("b", "b@example.com").call();
        }
        Path upstream = folder.resolve("upstream/acme/shop.git");
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(upstream.toFile()).setBare(true).call().close();
        try (Git bare = Git.open(upstream.toFile())) {
            RefUpdate pull = bare.getRepository().updateRef("refs/pull/1/head");
            pull.setNewObjectId(head);
            pull.forceUpdate();
        }
        return new RevCommit[] {base, head};
    }

    private static void stub(WireMockServer github, String comments) {
        github.resetAll();
        String json = "application/json";
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"},\"default_branch\":\"main\","
                        + "\"url\":\"" + github.baseUrl() + "/repos/acme/shop\"}")));
        github.stubFor(WireMock.get(urlEqualTo("/repos/acme/shop/pulls/1")).willReturn(aResponse().withHeader("Content-Type", json)
                .withBody("{\"number\":1,\"url\":\"" + github.baseUrl() + "/repos/acme/shop/pulls/1\",\"issue_url\":\""
                        + github.baseUrl() + "/repos/acme/shop/issues/1\"}")));
        github.stubFor(WireMock.get(urlPathEqualTo("/repos/acme/shop/issues/1/comments")).willReturn(aResponse()
                .withHeader("Content-Type", json).withBody(comments)));
        github.stubFor(post(urlEqualTo("/repos/acme/shop/issues/1/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"id\":1001}")));
        github.stubFor(patch(urlEqualTo("/repos/acme/shop/issues/comments/1001")).willReturn(aResponse()
                .withHeader("Content-Type", json).withBody("{\"id\":1001}")));
        github.stubFor(post(WireMock.urlMatching("/repos/acme/shop/statuses/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", json).withBody("{\"id\":1,\"state\":\"failure\"}")));
    }

    private static void awaitHealthy(int port, Process serve, Path folder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) {
                throw new IllegalStateException("sluice serve exited: " + Files.readString(folder.resolve("serve.log")));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("sluice serve did not become healthy");
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
