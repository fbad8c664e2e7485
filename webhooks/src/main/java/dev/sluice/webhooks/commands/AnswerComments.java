package dev.sluice.webhooks.commands;

import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.handle.DeliveryHandler;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHUser;

/**
 * {@code /sluice} commands in pull-request comments. Only new comments count (an edited comment
 * never runs a command again); comments on plain issues and comments by bots, Sluice's own among
 * them, are ignored so nothing loops. Each command has one runner; every command gets an answer,
 * and a comment's answers go out as one reply through the outbox once all its commands have run.
 */
public final class AnswerComments implements DeliveryHandler {

    private final Outbox outbox;
    private final Map<CommandName, CommandRunner> runners = new EnumMap<>(CommandName.class);

    /** Fails when an available command (other than help, which the parser answers) has no runner, or one has two. */
    public AnswerComments(Outbox outbox, List<CommandRunner> runners) {
        this.outbox = outbox;
        for (CommandRunner runner : runners) {
            if (this.runners.put(runner.name(), runner) != null) {
                throw new IllegalArgumentException("two runners for /sluice " + runner.name().word());
            }
        }
        for (CommandName name : CommandName.values()) {
            if (name.available() && name != CommandName.HELP && !this.runners.containsKey(name)) {
                throw new IllegalArgumentException("no runner for /sluice " + name.word());
            }
        }
    }

    @Override
    public Set<String> events() {
        return Set.of("issue_comment");
    }

    @Override
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        GHEventPayload.IssueComment payload = (GHEventPayload.IssueComment) event.payload();
        GHIssue issue = payload.getIssue();
        GHIssueComment comment = payload.getComment();
        if (!event.action().equals("created")) {
            return new HandlerResult.Done("comment " + event.action() + ": only new comments run commands");
        }
        if (!issue.isPullRequest()) {
            return new HandlerResult.Done("comment on issue #" + issue.getNumber() + ", not a pull request");
        }
        GHUser user;
        try {
            user = comment.getUser();
        } catch (IOException e) {
            return new HandlerResult.Retry(e.getMessage());
        }
        if (isBot(user)) {
            return new HandlerResult.Done("comment by a bot: ignored");
        }
        long installation = event.installation().orElse(0L);
        String repository = event.repository().orElseThrow();
        String login = login(user);
        CommandContext context = new CommandContext(installation, repository, issue.getNumber(), login,
                Optional.ofNullable(payload.getRepository()).map(repo -> repo.getDefaultBranch()));
        return switch (CommentParser.parse(comment.getBody())) {
            case CommentParse.Ignore ignored -> new HandlerResult.Done("no command");
            case CommentParse.Reply reply -> {
                reply(context, "@" + login + " " + reply.text());
                yield new HandlerResult.Done("replied to comment " + comment.getId());
            }
            case CommentParse.Commands commands -> run(context, commands);
        };
    }

    private HandlerResult run(CommandContext context, CommentParse.Commands commands) {
        List<String> replies = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        try {
            for (CommentParse.ParsedCommand command : commands.commands()) {
                CommandResult result = runners.get(command.name()).run(context, command.arguments());
                switch (result) {
                    case CommandResult.Done done -> replies.add(done.reply());
                    case CommandResult.Refused refused -> replies.add(refused.reply());
                    case CommandResult.Reported reported -> summary.add(reported.summary());
                    // Commands before this one are idempotent, so running the whole comment again is safe.
                    case CommandResult.Deferred deferred -> {
                        return deferred.result();
                    }
                }
                summary.add(command.name().word() + (result instanceof CommandResult.Refused ? " refused" : " done"));
            }
        } catch (GitHubBusy busy) {
            return new HandlerResult.Retry(busy.getMessage(), Optional.of(busy.retryAt()));
        } catch (IOException e) {
            return new HandlerResult.Retry(e.getMessage());
        }
        if (!replies.isEmpty()) {
            reply(context, String.join("\n\n", replies));
        }
        return new HandlerResult.Done(String.join("; ", summary));
    }

    private void reply(CommandContext context, String text) {
        outbox.enqueue(context.repository(), context.installation(), OutboxKind.REPLY, String.valueOf(context.pullRequest()), text);
    }

    public static boolean isBot(GHUser user) {
        if (user == null) {
            return true;
        }
        try {
            String type = user.getType();
            return "bot".equals(type == null ? "" : type.toLowerCase(Locale.ROOT)) || login(user).endsWith("[bot]");
        } catch (IOException e) {
            return login(user).endsWith("[bot]");
        }
    }

    private static String login(GHUser user) {
        return user == null || user.getLogin() == null ? "" : user.getLogin();
    }
}
