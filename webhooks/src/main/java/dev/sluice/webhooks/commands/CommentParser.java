package dev.sluice.webhooks.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code /sluice} commands from a comment: one per line, each line starting with
 * {@code /sluice} (after leading spaces). Text inside code blocks and quotes is never a command.
 */
public final class CommentParser {

    static final String PREFIX = "/sluice";

    private CommentParser() {
    }

    public static CommentParse parse(String body) {
        if (body == null) {
            return new CommentParse.Ignore();
        }
        List<CommentParse.ParsedCommand> commands = new ArrayList<>();
        boolean inCode = false;
        for (String rawLine : body.lines().toList()) {
            String line = rawLine.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inCode = !inCode;
                continue;
            }
            if (inCode || !(line.equals(PREFIX) || line.startsWith(PREFIX + " ") || line.startsWith(PREFIX + "\t"))) {
                continue;
            }
            List<String> words = Arrays.stream(line.substring(PREFIX.length()).strip().split("\\s+"))
                    .filter(word -> !word.isEmpty()).toList();
            if (words.isEmpty()) {
                return new CommentParse.Reply(help("`/sluice` needs a command."));
            }
            var name = CommandName.of(words.getFirst());
            if (name.isEmpty()) {
                return new CommentParse.Reply(help("`/sluice " + words.getFirst() + "` is not a command" + suggestion(words.getFirst()) + "."));
            }
            if (name.get() == CommandName.HELP) {
                return new CommentParse.Reply(help(""));
            }
            if (!name.get().available()) {
                return new CommentParse.Reply("`/sluice " + name.get().word() + "` is not available in this version of Sluice yet; it"
                        + " arrives with " + name.get().arrivesWith() + ". Nothing was done.");
            }
            commands.add(new CommentParse.ParsedCommand(name.get(), words.subList(1, words.size())));
        }
        return commands.isEmpty() ? new CommentParse.Ignore() : new CommentParse.Commands(commands);
    }

    static String help(String lead) {
        String list = Arrays.stream(CommandName.values())
                .map(name -> "- `/sluice " + name.word() + "`: " + name.usage() + (name.available() ? "" : " (not available yet)"))
                .collect(Collectors.joining("\n"));
        return (lead.isEmpty() ? "" : lead + "\n\n") + "Sluice commands, one per line:\n\n" + list;
    }

    /** "Did you mean" for a command one or two edits away. */
    private static String suggestion(String word) {
        for (CommandName name : CommandName.values()) {
            if (distance(word.toLowerCase(java.util.Locale.ROOT), name.word()) <= 2) {
                return "; did you mean `/sluice " + name.word() + "`?";
            }
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
