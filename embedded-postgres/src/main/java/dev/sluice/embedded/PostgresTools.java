package dev.sluice.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code initdb} and {@code pg_ctl} from an unpacked set of binaries.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root on Linux (containers, CI machines), the
 * tools run inside a new user namespace ({@code unshare --user}): there the process is the overflow
 * user, to which root-owned files also appear to belong, so PostgreSQL's ownership checks pass while
 * its files stay owned by the same user as everything else Sluice writes.
 */
final class PostgresTools {

    /** What a finished tool printed, and how it exited. */
    record Outcome(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Path binaries;
    private final boolean inUserNamespace;

    PostgresTools(Path binaries) {
        this.binaries = binaries;
        this.inUserNamespace = runningAsRootOnLinux();
    }

    Outcome run(Duration timeout, String tool, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (inUserNamespace) {
            command.add("unshare");
            command.add("--user");
        }
        command.add(binaries.resolve("bin").resolve(tool).toString());
        command.addAll(arguments);
        Path output = null;
        try {
            // Output goes to a file, not a pipe: pg_ctl start leaves a server running that could hold a pipe open.
            output = Files.createTempFile("sluice-" + tool, ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedPostgresException(tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            if (inUserNamespace) {
                throw new EmbeddedPostgresException("PostgreSQL does not run as root, and starting it in a user namespace "
                        + "(unshare --user) failed: " + e.getMessage()
                        + ". Run Sluice as an ordinary user, or set datasources.default.url to a PostgreSQL server.", e);
            }
            throw new EmbeddedPostgresException("could not run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while waiting for " + tool, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static boolean runningAsRootOnLinux() {
        Path self = Path.of("/proc/self");
        if (!Files.exists(self)) {
            return false;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(self, "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
