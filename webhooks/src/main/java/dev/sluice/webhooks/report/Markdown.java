package dev.sluice.webhooks.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Small pieces of GitHub markdown shared by the release comment and the deploy checks. */
final class Markdown {

    /** A table cell holds one line of someone else's text (an SQL error, a reason): no pipes, tags or line breaks, bounded. */
    static final int CELL_LIMIT = 300;

    private Markdown() {
    }

    static String cell(String text) {
        String flat = text.strip().replace("\r", "").replace('\n', ' ').replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
        if (flat.length() <= CELL_LIMIT) {
            return flat;
        }
        int cut = Character.isHighSurrogate(flat.charAt(CELL_LIMIT - 1)) ? CELL_LIMIT - 1 : CELL_LIMIT;
        return flat.substring(0, cut) + "…";
    }

    static String duration(Optional<Duration> duration) {
        return duration.map(Markdown::duration).orElse("–");
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return "%dm %02ds".formatted(seconds / 60, seconds % 60);
        }
        return "%dh %02dm".formatted(seconds / 3600, seconds % 3600 / 60);
    }

    /** Migration versions as users name them ({@code V3}); whatever else the engine wrote is shown as it is. */
    static String version(String version) {
        return !version.isEmpty() && Character.isDigit(version.charAt(0)) ? "V" + version : version;
    }

    static String versions(List<String> versions) {
        return versions.isEmpty() ? "–" : versions.stream().map(Markdown::version).collect(Collectors.joining(", "));
    }

    static String shortSha(String sha) {
        return sha.substring(0, Math.min(7, sha.length()));
    }

    /**
     * Cuts text GitHub would refuse to {@code limit} characters in all, at a line boundary, never
     * inside a surrogate pair, closing a {@code <details>} left open, and ends it with the note.
     */
    static String truncate(String text, int limit, String note) {
        if (text.length() <= limit) {
            return text;
        }
        int room = limit - note.length() - "\n</details>\n\n".length();
        int cut = text.lastIndexOf('\n', room);
        if (cut <= 0) {
            cut = Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
        }
        String kept = text.substring(0, cut);
        boolean open = kept.lastIndexOf("<details>") > kept.lastIndexOf("</details>");
        return kept + (open ? "\n</details>\n\n" : "\n\n") + note;
    }
}
