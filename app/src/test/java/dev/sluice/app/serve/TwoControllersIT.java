package dev.sluice.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.intake.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controller processes on one state database, one webhook stream spread over both (as a
 * load balancer would), with redeliveries of some ids to the other replica: every delivery is
 * recorded once and worked once, by one of the two, and their logs and metrics add up.
 */
class TwoControllersIT {

    static final int DELIVERIES = 60;
    static final String SECRET = "two-controllers-secret";
    static final Pattern WORKED = Pattern.compile("Delivery (two-\\d+) \\(installation\\)");

    @TempDir
    Path userHome;

    @Test
    void everyDeliveryIsProcessedExactlyOnceAcrossTwoReplicas() throws Exception {
        TestDatabase controller = SharedPostgres.newDatabase("TwoControllers");
        Path config = userHome.resolve("application.yml");
        Files.writeString(config, """
                datasources:
                  default:
                    url: %s
                    username: %s
                    password: %s
                sluice:
                  github:
                    webhook-secret: %s
                  queue:
                    poll: 1s
                """.formatted(controller.jdbcUrl(), controller.username(), controller.password(), SECRET));
        Map<String, String> environment = Map.of("MICRONAUT_CONFIG_FILES", config.toString());
        try (SluiceProcess one = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "one");
             SluiceProcess two = SluiceProcess.serve(userHome, SluiceProcess.freePort(), List.of(), environment, "two")) {
            one.awaitHealthy(Duration.ofMinutes(2));
            two.awaitHealthy(Duration.ofMinutes(2));
            List<SluiceProcess> replicas = List.of(one, two);
            HttpClient http = HttpClient.newHttpClient();
            int recorded = 0;
            int repeated = 0;
            for (int i = 0; i < DELIVERIES; i++) {
                String id = "two-" + i;
                // Installation events need no GitHub; the installations differ so none stops another's work.
                String body = "{\"action\":\"new_permissions_accepted\",\"installation\":{\"id\":" + (1000 + i)
                        + ",\"account\":{\"login\":\"acme\"}},\"sender\":{\"login\":\"dev\"}}";
                recorded += post(http, replicas.get(i % 2), id, body) == 202 ? 1 : 0;
                if (i % 5 == 0) { // GitHub redelivers it, and the load balancer picks the other replica
                    repeated += post(http, replicas.get((i + 1) % 2), id, body) == 200 ? 1 : 0;
                }
            }
            assertThat(recorded).isEqualTo(DELIVERIES);
            assertThat(repeated).isEqualTo(DELIVERIES / 5);

            GracefulShutdownIT.await(Duration.ofMinutes(1), () -> GracefulShutdownIT.count(controller,
                    "SELECT count(*) FROM sluice.delivery WHERE state = 'done'") == DELIVERIES, one);
            assertThat(GracefulShutdownIT.count(controller, "SELECT count(*) FROM sluice.delivery")).isEqualTo(DELIVERIES);
            assertThat(GracefulShutdownIT.count(controller, "SELECT count(*) FROM sluice.delivery WHERE attempts <> 1"))
                    .as("claimed once each").isZero();

            double counted = 0;
            List<String> worked = new ArrayList<>();
            for (SluiceProcess replica : replicas) {
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + replica.httpPort + "/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher series = Pattern.compile("(?m)^sluice_deliveries_total\\{[^}]*outcome=\"done\"[^}]*} (\\S+)$").matcher(metrics);
                while (series.find()) {
                    counted += Double.parseDouble(series.group(1));
                }
                Matcher line = WORKED.matcher(replica.output());
                while (line.find()) {
                    worked.add(line.group(1));
                }
            }
            Set<String> distinct = new HashSet<>(worked);
            assertThat(worked).as("each delivery worked by exactly one replica, once").hasSize(DELIVERIES);
            assertThat(distinct).hasSize(DELIVERIES);
            assertThat(counted).as("sluice_deliveries_total of both replicas").isEqualTo(DELIVERIES);
        }
    }

    private static int post(HttpClient http, SluiceProcess replica, String id, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + replica.httpPort + "/webhooks/github"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "installation").header("X-GitHub-Delivery", id)
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
