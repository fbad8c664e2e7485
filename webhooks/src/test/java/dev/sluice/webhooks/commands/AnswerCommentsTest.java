package dev.sluice.webhooks.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.EventParser;
import dev.sluice.webhooks.intake.GitHubEvent;
import dev.sluice.webhooks.intake.ParsedEvent;
import dev.sluice.webhooks.testing.Harness;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class AnswerCommentsTest {

    private Harness harness;
    private AnswerComments handler;

    @BeforeEach
    void start(TestDatabase database) throws Exception {
        harness = new Harness(database);
        List<CommandRunner> runners = Arrays.stream(CommandName.values()).filter(name -> name.available() && name != CommandName.HELP)
                .<CommandRunner>map(name -> new CommandRunner() {
                    @Override
                    public CommandName name() {
                        return name;
                    }

                    @Override
                    public CommandResult run(CommandContext context, List<String> arguments) {
                        return new CommandResult.Done("@" + context.actor() + " ran " + name.word() + " " + arguments);
                    }
                }).toList();
        handler = new AnswerComments(harness.outbox, runners);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static GitHubEvent comment(String action, String body, String login, String type, boolean onPullRequest) {
        String json = """
                {"action":"%s","issue":{"number":7,%s"title":"t"},
                 "comment":{"id":123,"body":%s,"user":{"login":"%s","type":"%s"}},
                 "repository":{"full_name":"acme/shop","name":"shop","owner":{"login":"acme"}},"installation":{"id":42}}"""
                .formatted(action, onPullRequest ? "\"pull_request\":{\"url\":\"https://api.github.com/repos/acme/shop/pulls/7\"}," : "",
                        Harness.quote(body), login, type);
        return ((ParsedEvent.Known) new EventParser().parse("issue_comment", json.getBytes(StandardCharsets.UTF_8))).event();
    }

    private String replied() throws Exception {
        assertThat(harness.outboxRows()).hasSize(1);
        return harness.replies().getFirst();
    }

    @Test
    void anUnknownCommandGetsAReplyListingTheValidOnes() throws Exception {
        HandlerResult result = handler.handle("d", comment("created", "/sluice pln", "alice", "User", true));

        assertThat(result).isInstanceOf(HandlerResult.Done.class);
        assertThat(replied()).startsWith("@alice `/sluice pln` is not a command; did you mean `/sluice plan`?")
                .contains("- `/sluice help`: this list").contains("- `/sluice plan`: review the migrations again")
                .contains("- `/sluice baseline`: baseline <env> <target>: accept a target's live schema as the recorded one")
                .doesNotContain("not available");
    }

    @Test
    void helpIsAnswered() throws Exception {
        handler.handle("d", comment("created", "/sluice help", "alice", "User", true));
        assertThat(replied()).startsWith("@alice Sluice commands, one per line:");
    }

    @Test
    void eachCommandGoesToItsRunnerAndTheAnswersMakeOneReply() throws Exception {
        HandlerResult result = handler.handle("d", comment("created", "/sluice deploy prod\n/sluice rollback prod --to 20261121.1", "alice",
                "User", true));

        assertThat(result).isEqualTo(new HandlerResult.Done("deploy done; rollback done"));
        assertThat(replied()).isEqualTo("@alice ran deploy [prod]\n\n@alice ran rollback [prod, --to, 20261121.1]");
    }

    @Test
    void editedCommentsPlainIssuesAndBotsAreIgnored() throws Exception {
        assertThat(handler.handle("d", comment("edited", "/sluice help", "alice", "User", true)))
                .isEqualTo(new HandlerResult.Done("comment edited: only new comments run commands"));
        assertThat(handler.handle("d", comment("created", "/sluice help", "alice", "User", false)))
                .isEqualTo(new HandlerResult.Done("comment on issue #7, not a pull request"));
        assertThat(handler.handle("d", comment("created", "/sluice help", "sluice[bot]", "Bot", true)))
                .isEqualTo(new HandlerResult.Done("comment by a bot: ignored"));
        assertThat(handler.handle("d", comment("created", "/sluice help", "other-ci", "Bot", true)))
                .isEqualTo(new HandlerResult.Done("comment by a bot: ignored"));
        assertThat(harness.outboxRows()).isEmpty();
    }
}
