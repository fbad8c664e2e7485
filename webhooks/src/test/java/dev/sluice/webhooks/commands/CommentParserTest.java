package dev.sluice.webhooks.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommentParserTest {

    static Stream<Arguments> comments() {
        return Stream.of(
                Arguments.of("plain text", "Looks good to me", "ignore"),
                Arguments.of("plan", "/sluice plan", "commands: plan []"),
                Arguments.of("leading spaces and case", "   /sluice PLAN", "commands: plan []"),
                Arguments.of("after other text", "Thanks!\n/sluice plan\nbye", "commands: plan []"),
                Arguments.of("two commands", "/sluice plan\n/sluice plan again", "commands: plan [], plan [again]"),
                Arguments.of("in a code block", "```\n/sluice plan\n```", "ignore"),
                Arguments.of("not at the start", "please /sluice plan", "ignore"),
                Arguments.of("another word", "/sluiceplan", "ignore"),
                Arguments.of("help", "/sluice help", "reply: Sluice commands, one per line:"),
                Arguments.of("bare", "/sluice", "reply: `/sluice` needs a command."),
                Arguments.of("typo", "/sluice plna", "reply: `/sluice plna` is not a command; did you mean `/sluice plan`?"),
                Arguments.of("unknown", "/sluice frobnicate", "reply: `/sluice frobnicate` is not a command."),
                Arguments.of("deploy", "/sluice deploy prod", "commands: deploy [prod]"),
                Arguments.of("approve", "/sluice approve staging", "commands: approve [staging]"),
                Arguments.of("rollback to", "/sluice rollback prod --to 20261121.1", "commands: rollback [prod, --to, 20261121.1]"),
                Arguments.of("retry a database", "/sluice retry prod tenants/t_042", "commands: retry [prod, tenants/t_042]"),
                Arguments.of("baseline a database", "/sluice baseline prod tenants/t_042", "commands: baseline [prod, tenants/t_042]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comments")
    void readsEachCommentIntoExactlyOneOutcome(String what, String body, String expected) {
        CommentParse parse = CommentParser.parse(body);
        String actual = switch (parse) {
            case CommentParse.Ignore ignored -> "ignore";
            case CommentParse.Reply reply -> "reply: " + reply.text();
            case CommentParse.Commands commands -> "commands: " + String.join(", ", commands.commands().stream()
                    .map(command -> command.name().word() + " " + command.arguments()).toList());
        };
        assertThat(actual).as(what).startsWith(expected);
    }

    @org.junit.jupiter.api.Test
    void helpListsEveryCommand() {
        String help = CommentParser.help("");
        for (CommandName name : CommandName.values()) {
            assertThat(help).contains("`/sluice " + name.word() + "`");
        }
        assertThat(List.of(CommandName.values())).hasSize(11);
    }
}
