package dev.sluice.webhooks.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventParserTest {

    /** The shared folder of real GitHub payloads, beside the checkout (see its SOURCE.md). */
    static final Path SHARED = Path.of("..", "..", "shared", "github-payloads");

    private final EventParser parser = new EventParser();

    static Stream<Path> sharedPayloads() throws IOException {
        if (!Files.isDirectory(SHARED)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(SHARED)) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theSharedPayloadsArePresentWhenTheFolderIs() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "shared/github-payloads is not beside this checkout");
        assertThat(sharedPayloads().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // the shared folder is absent outside the workplace
    @MethodSource("sharedPayloads")
    void everyRealPayloadParses(Path file) throws IOException {
        String event = file.getParent().getFileName().toString();
        ParsedEvent parsed = parser.parse(event, Files.readAllBytes(file));

        assertThat(parsed).as(file.toString()).isInstanceOf(ParsedEvent.Known.class);
        GitHubEvent read = ((ParsedEvent.Known) parsed).event();
        assertThat(read.name()).isEqualTo(event);
        if (!event.equals("ping") && !event.equals("installation")) {
            assertThat(read.repository()).as("repository of " + file).isPresent();
        }
        String expectedAction = file.getFileName().toString().split("\\.")[0];
        if (!List.of("push", "ping").contains(event)) {
            assertThat(read.action()).as("action of " + file).isEqualTo(expectedAction);
        }
    }

    @Test
    void aBodyThatIsNotWhatTheHeaderSaysIsMalformed() {
        byte[] pullRequest = "{\"action\":\"opened\",\"number\":1,\"pull_request\":{\"number\":1},\"repository\":{\"full_name\":\"a/b\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse("push", pullRequest)).isInstanceOf(ParsedEvent.Malformed.class);
        assertThat(parser.parse("pull_request", pullRequest)).isInstanceOf(ParsedEvent.Known.class);
        assertThat(parser.parse("pull_request", "{\"action\": \"opened\", \"pull_req".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParsedEvent.Malformed.class);
        assertThat(parser.parse("pull_request", "not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(ParsedEvent.Malformed.class);
    }

    @Test
    void eventsSluiceDoesNotActOnAreUnhandled() {
        assertThat(parser.parse("merge_group", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ParsedEvent.Unhandled("merge_group"));
    }
}
