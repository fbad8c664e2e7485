package dev.sluice.review.sql;

import java.util.List;

/** A migration file cut into statements, with the comments, psql commands and lexical problems found on the way. */
public record SplitFile(
        SourceText source,
        List<SqlStatement> statements,
        List<Comment> comments,
        List<PsqlMetaCommand> metaCommands,
        List<LexicalProblem> problems) {

    public SplitFile {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
        metaCommands = List.copyOf(metaCommands);
        problems = List.copyOf(problems);
    }
}
