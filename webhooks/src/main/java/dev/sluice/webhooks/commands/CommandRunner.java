package dev.sluice.webhooks.commands;

import java.io.IOException;
import java.util.List;

/** Runs one comment command; one class per command. */
public interface CommandRunner {

    CommandName name();

    /** Throws {@link IOException} (or {@code GitHubBusy}) when GitHub or git cannot answer now. */
    CommandResult run(CommandContext context, List<String> arguments) throws IOException;
}
