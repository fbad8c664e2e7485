package dev.sluice.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SluiceCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutACommandItExplainsAndExitsWithTheUsageCode() {
        assertThat(run()).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("Missing command").contains("serve");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("deploy-everything")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("deploy-everything");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithoutAStackTrace() {
        assertThat(run("serve", "--no-such-option")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("Unknown option: '--no-such-option'").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpListsTheServeCommand() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        assertThat(out()).contains("serve").contains("GitOps controller for PostgreSQL schema migrations");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isEqualTo(ExitCode.OK);
        assertThat(out()).startsWith("sluice ");
    }

    private int run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return SluiceCommand.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
