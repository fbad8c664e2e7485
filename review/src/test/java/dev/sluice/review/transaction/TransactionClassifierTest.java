package dev.sluice.review.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.review.MigrationFile;
import dev.sluice.review.ReviewOptions;
import dev.sluice.review.Reviewer;
import dev.sluice.review.TransactionModel;
import org.junit.jupiter.api.Test;

class TransactionClassifierTest {

    private static TransactionPlan plan(String sql, TransactionModel model, int pgVersion) {
        return new Reviewer(ReviewOptions.defaults().withModel(model).withPgVersion(pgVersion))
                .read(new MigrationFile("V1__test.sql", sql)).plan();
    }

    @Test
    void anOrdinaryFileIsOneTransaction() {
        TransactionPlan plan = plan("CREATE TABLE a (id int); ALTER TABLE a ADD COLUMN b int;", TransactionModel.SLUICE, 14);
        assertThat(plan.transactional()).isTrue();
        assertThat(plan.blocker()).isEmpty();
        assertThat(plan.sameTransaction(0, 1)).isTrue();
    }

    @Test
    void aConcurrentIndexMakesTheFileRunStatementByStatementAndSaysWhy() {
        TransactionPlan plan = plan("SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON t (c);", TransactionModel.SLUICE, 14);
        assertThat(plan.transactional()).isFalse();
        assertThat(plan.blocker()).get().satisfies(blocker -> {
            assertThat(blocker.statement()).isEqualTo(1);
            assertThat(blocker.reason()).isEqualTo("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
        });
        assertThat(plan.sameTransaction(0, 1)).isFalse();
    }

    @Test
    void enumValuesNeedTheirOwnTransactionOnlyBeforeTwelve() {
        assertThat(plan("ALTER TYPE mood ADD VALUE 'calm';", TransactionModel.SLUICE, 11).transactional()).isFalse();
        assertThat(plan("ALTER TYPE mood ADD VALUE 'calm';", TransactionModel.SLUICE, 12).transactional()).isTrue();
    }

    @Test
    void theDirectiveTurnsTheTransactionOff() {
        TransactionPlan plan = plan("-- sluice:transaction off\nUPDATE t SET a = 1 WHERE id < 10;", TransactionModel.SLUICE, 14);
        assertThat(plan.transactional()).isFalse();
        assertThat(plan.blocker()).get().extracting(TransactionPlan.Blocker::statement).isEqualTo(-1);
    }

    @Test
    void psqlRunsStatementsAloneExceptInsideExplicitBlocks() {
        TransactionPlan plan = plan("CREATE TABLE a (id int); BEGIN; ALTER TABLE a ADD b int; UPDATE a SET b = 1; COMMIT; DROP TABLE x;",
                TransactionModel.PSQL, 14);
        assertThat(plan.transactional()).isFalse();
        assertThat(plan.scope(0).inTransaction()).isFalse();
        assertThat(plan.sameTransaction(2, 3)).isTrue();
        assertThat(plan.scope(5).inTransaction()).isFalse();
        assertThat(plan.unclosedBegin()).isEmpty();
        assertThat(plan.nestedBegins()).isEmpty();
    }

    @Test
    void findsNestedBeginsStrayCommitsAndOpenTransactions() {
        TransactionPlan sluice = plan("BEGIN; CREATE TABLE a (id int); COMMIT;", TransactionModel.SLUICE, 14);
        assertThat(sluice.nestedBegins()).containsExactly(0);
        assertThat(sluice.strayEnds()).containsExactly(2);

        TransactionPlan psql = plan("BEGIN; CREATE TABLE a (id int);", TransactionModel.PSQL, 14);
        assertThat(psql.unclosedBegin()).hasValue(0);
    }
}
