package dev.sluice.app;

import dev.sluice.app.cli.SluiceCommand;

/** Entry point of the executable jar: the {@code sluice} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SluiceCommand.execute(args));
    }
}
