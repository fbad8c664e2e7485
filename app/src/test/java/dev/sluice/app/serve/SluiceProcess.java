package dev.sluice.app.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar ({@code app/target/sluice.jar}) running as a process of its own, as a user starts it. */
final class SluiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int httpPort;
    final Path output;
    private final Process process;

    private SluiceProcess(Process process, int httpPort, Path output) {
        this.process = process;
        this.httpPort = httpPort;
        this.output = output;
    }

    /** Starts {@code sluice serve} with {@code userHome} as the user's home folder. */
    static SluiceProcess serve(Path userHome, int httpPort, int postgresPort, String logName) throws IOException {
        return serve(userHome, httpPort, List.of("--embedded-postgres-port", Integer.toString(postgresPort)), Map.of(), logName);
    }

    /** Starts {@code sluice serve} with extra arguments and environment variables. */
    static SluiceProcess serve(Path userHome, int httpPort, List<String> arguments, Map<String, String> environment,
            String logName) throws IOException {
        String jar = System.getProperty("sluice.jar", "target/sluice.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Duser.home=" + userHome, "-jar", jar,
                "serve", "--port", Integer.toString(httpPort)));
        command.addAll(arguments);
        Path output = userHome.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        return new SluiceProcess(builder.start(), httpPort, output);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /health} answers 200 with status UP; fails with the process output otherwise. */
    void awaitHealthy(Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("sluice serve exited with " + process.exitValue() + " before it was healthy:\n" + output());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health()).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(250); // polling another process: there is nothing to wait on instead
        }
        throw new AssertionError("sluice serve was not healthy within " + limit + " (last: " + last + "):\n" + output());
    }

    /** Something a test watches in the state this process leaves (a database row count, a file). */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits until {@code condition} holds while this process works; fails with its output otherwise. */
    void awaitUntil(Duration limit, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + limit + ":\n" + output());
            }
            Thread.sleep(100); // watching another process: there is nothing to wait on instead
        }
    }

    URI health() {
        return URI.create("http://localhost:" + httpPort + "/health");
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("sluice serve still running after " + limit + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it; waits for the orderly shutdown. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofMinutes(1));
    }

    /** SIGKILL: no shutdown hooks run, the embedded PostgreSQL is left running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
