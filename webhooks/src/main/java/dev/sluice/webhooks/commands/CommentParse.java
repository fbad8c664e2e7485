package dev.sluice.webhooks.commands;

import java.util.List;

/** A comment read for commands: commands to run, an immediate reply, or nothing for Sluice. */
public sealed interface CommentParse {

    /** One command a line, in the order written. */
    record Commands(List<ParsedCommand> commands) implements CommentParse {
        public Commands {
            commands = List.copyOf(commands);
        }
    }

    /** Answer at once and run nothing: help, an unknown command, a command this version does not run. */
    record Reply(String text) implements CommentParse {
    }

    /** Not addressed to Sluice. */
    record Ignore() implements CommentParse {
    }

    /** A recognised command and its arguments. */
    record ParsedCommand(CommandName name, List<String> arguments) {
        public ParsedCommand {
            arguments = List.copyOf(arguments);
        }
    }
}
