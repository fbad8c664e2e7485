package dev.sluice.app;

import dev.sluice.app.cli.SluiceCommand;
import java.util.Optional;

/** Entry point of the executable jar: the {@code sluice} command line. */
public final class Main {

    /** The exit code picocli uses for bad usage; a bad setting is the same kind of mistake. */
    private static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Optional<String> badFormat = LogFormat.problem(System.getenv("SLUICE_LOG_FORMAT"));
        if (badFormat.isPresent()) {
            System.err.println("sluice: " + badFormat.get());
            System.exit(USAGE);
        }
        System.exit(SluiceCommand.execute(args));
    }
}
