package dev.sluice.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every configuration key the code reads is in docs/operations.md. */
class OperationsDocTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final Path DOC = Path.of("../docs/operations.md");

    /** How code reads a key: annotations, the environment, placeholders such as {@code ${sluice.queue.poll:1s}}. */
    static final Pattern KEY_READ = Pattern.compile(
            "@Property\\(name = \"([^\"]+)\"|@Requires\\(property = \"([^\"]+)\"|(?<!System\\.)getProperty\\(\"([^\"]+)\""
                    + "|getPropertyEntries\\(\"([^\"]+)\"|\\$\\{([a-z][a-z0-9.-]*)(?::[^}]*)?}");
    /** A key built from a prefix, as {@code Targets} does: {@code "sluice.targets." + name + "."} then {@code prefix + "url"}. */
    static final Pattern PREFIX = Pattern.compile("String prefix = \"([a-z0-9.-]+\\.)\" \\+ (\\w+) \\+ \"\\.\"");
    static final Pattern SUFFIX = Pattern.compile("prefix \\+ \"([a-z0-9-]+)\"");
    static final Pattern LOGBACK_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");

    @Test
    void everyKeyTheCodeReadsIsDocumented() throws IOException {
        Set<String> keys = keysReadByTheCode();
        String doc = Files.readString(DOC);

        assertThat(keys).as("keys found in the code").contains("sluice.github.webhook-secret", "sluice.queue.poll",
                "sluice.targets.<name>.url", "sluice.shutdown.grace", "datasources.default.url", "SLUICE_LOG_FORMAT");
        assertThat(keys.stream().filter(key -> !doc.contains("`" + key + "`")).toList())
                .as("configuration keys the code reads but docs/operations.md does not list (as `key`)").isEmpty();
    }

    static Set<String> keysReadByTheCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher read = KEY_READ.matcher(source);
                while (read.find()) {
                    for (int group = 1; group <= read.groupCount(); group++) {
                        // A string ending in a dot is the start of a key built from parts (PREFIX below finds those).
                        if (read.group(group) != null && read.group(group).contains(".") && !read.group(group).endsWith(".")) {
                            keys.add(read.group(group));
                        }
                    }
                }
                Matcher prefix = PREFIX.matcher(source);
                if (prefix.find()) {
                    Matcher suffix = SUFFIX.matcher(source);
                    while (suffix.find()) {
                        keys.add(prefix.group(1) + "<" + prefix.group(2) + ">." + suffix.group(1));
                    }
                }
            }
        }
        Matcher variable = LOGBACK_VARIABLE.matcher(Files.readString(Path.of("src/main/resources/logback.xml")));
        while (variable.find()) {
            keys.add(variable.group(1));
        }
        return keys;
    }
}
