package dev.sluice.rollout.drift;

import static dev.sluice.rollout.drift.DriftFixtures.check;
import static dev.sluice.rollout.drift.DriftFixtures.execute;
import static dev.sluice.rollout.drift.DriftFixtures.migrate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.rollout.drift.Difference.Change;
import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.testsupport.SharedPostgres;
import dev.sluice.testsupport.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changes made behind Sluice's back, each reported in words with the SQL that undoes it; running that SQL clears the drift. */
class DriftCheckTest {

    static final String SCHEMA = """
            CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
            CREATE INDEX idx_users_email ON users (email);
            CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
                                 created_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX idx_orders_created ON orders (created_at);
            CREATE FUNCTION f(n integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
            BEGIN
                RETURN n + 1;
            END
            $$;
            CREATE TABLE accounts (id bigint PRIMARY KEY, tenant_id integer NOT NULL);
            ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
            """;

    private static TestDatabase migrated(String hint) {
        TestDatabase database = SharedPostgres.newDatabase(hint);
        assertThat(migrate(database, "V1__schema.sql", SCHEMA)).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class,
                migrated -> assertThat(migrated.warnings()).isEmpty());
        return database;
    }

    /** The one difference, after checking there is exactly one. */
    private static Difference onlyDifference(TestDatabase database) throws Exception {
        DriftCheck check = check(database);
        assertThat(check).isInstanceOf(DriftCheck.Drifted.class);
        Drift drift = ((DriftCheck.Drifted) check).drift();
        assertThat(drift.differences()).as(drift.describe()).hasSize(1);
        return drift.differences().getFirst();
    }

    private static void repairClearsTheDrift(TestDatabase database, Difference difference) throws Exception {
        for (String statement : difference.repairSql().orElseThrow().split("\n(?=[A-Z])")) {
            execute(database, statement);
        }
        assertThat(check(database)).as(() -> describe(database)).isInstanceOf(DriftCheck.Clean.class);
    }

    private static String describe(TestDatabase database) {
        try {
            return check(database).describe();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aMigratedDatabaseHasNoDrift() throws Exception {
        TestDatabase database = migrated("DriftNone");
        assertThat(check(database)).isInstanceOfSatisfying(DriftCheck.Clean.class, clean -> {
            assertThat(clean.recorded().reason()).isEqualTo(SnapshotReason.APPLY);
            assertThat(clean.recorded().takenBy()).isEqualTo("test");
        });
    }

    @Test
    void anAddedColumn() throws Exception {
        TestDatabase database = migrated("DriftAddColumn");
        execute(database, "ALTER TABLE users ADD COLUMN age integer");

        Difference difference = onlyDifference(database);

        assertThat(difference.change()).isEqualTo(Change.ADDED);
        assertThat(difference.words()).isEqualTo("column public.users.age added: integer");
        assertThat(difference.repairSql()).contains("ALTER TABLE public.users DROP COLUMN age;");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void aDroppedIndex() throws Exception {
        TestDatabase database = migrated("DriftDropIndex");
        execute(database, "DROP INDEX idx_orders_created");

        Difference difference = onlyDifference(database);

        assertThat(difference.change()).isEqualTo(Change.MISSING);
        assertThat(difference.words()).isEqualTo("index public.idx_orders_created missing");
        assertThat(difference.repairSql())
                .contains("CREATE INDEX CONCURRENTLY idx_orders_created ON public.orders USING btree (created_at);");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void aChangedFunctionBody() throws Exception {
        TestDatabase database = migrated("DriftFunction");
        execute(database, """
                CREATE OR REPLACE FUNCTION f(n integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
                BEGIN
                    RETURN n + 2;
                END
                $$""");

        Difference difference = onlyDifference(database);

        assertThat(difference.change()).isEqualTo(Change.CHANGED);
        assertThat(difference.words()).isEqualTo("function public.f(integer) body changed");
        assertThat(difference.repairSql()).contains("""
                CREATE OR REPLACE FUNCTION public.f(n integer)
                 RETURNS integer
                 LANGUAGE plpgsql
                 IMMUTABLE
                AS $function$
                BEGIN
                    RETURN n + 1;
                END
                $function$;""");
        execute(database, difference.repairSql().orElseThrow());
        assertThat(check(database)).isInstanceOf(DriftCheck.Clean.class);
    }

    @Test
    void aNewPolicy() throws Exception {
        TestDatabase database = migrated("DriftPolicy");
        execute(database, "CREATE POLICY tenant_isolation ON accounts USING (tenant_id = current_setting('app.tenant')::integer)");

        Difference difference = onlyDifference(database);

        assertThat(difference.change()).isEqualTo(Change.ADDED);
        assertThat(difference.words()).isEqualTo("policy public.accounts.tenant_isolation added");
        assertThat(difference.repairSql()).contains("DROP POLICY tenant_isolation ON public.accounts;");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void aDroppedPolicyIsCreatedAgainFromItsRecordedParts() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftPolicyGone");
        migrate(database, "V1__schema.sql", SCHEMA, "V2__policy.sql", """
                CREATE POLICY tenant_isolation ON accounts AS RESTRICTIVE FOR UPDATE TO PUBLIC
                    USING (tenant_id = current_setting('app.tenant')::integer) WITH CHECK (tenant_id > 0);""");
        execute(database, "DROP POLICY tenant_isolation ON accounts");

        Difference difference = onlyDifference(database);

        assertThat(difference.words()).isEqualTo("policy public.accounts.tenant_isolation missing");
        assertThat(difference.repairSql()).contains("CREATE POLICY tenant_isolation ON public.accounts AS RESTRICTIVE FOR UPDATE"
                + " TO PUBLIC USING ((tenant_id = (current_setting('app.tenant'::text))::integer)) WITH CHECK ((tenant_id > 0));");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void anIndexLeftInvalidByAFailedConcurrentBuild() throws Exception {
        TestDatabase database = migrated("DriftInvalid");
        execute(database, "INSERT INTO users (email) VALUES ('a@example.com'), ('a@example.com')");
        try {
            execute(database, "CREATE UNIQUE INDEX CONCURRENTLY users_email_unique ON users (email)");
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getSQLState()).isEqualTo("23505");
        }

        Difference difference = onlyDifference(database);

        assertThat(difference.change()).isEqualTo(Change.INVALID);
        assertThat(difference.words())
                .isEqualTo("index public.users_email_unique is INVALID (a failed concurrent build); drop it (it is not in the recorded schema)");
        assertThat(difference.repairSql()).contains("DROP INDEX CONCURRENTLY public.users_email_unique;");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void aRecordedIndexRebuiltAndLeftInvalidIsDroppedAndCreatedAsRecorded() throws Exception {
        TestDatabase database = migrated("DriftInvalidRecorded");
        execute(database, "INSERT INTO users (email) VALUES ('a@example.com'), ('a@example.com')");
        execute(database, "DROP INDEX idx_users_email");
        try {
            execute(database, "CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON users (email)");
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getSQLState()).isEqualTo("23505");
        }

        Difference difference = onlyDifference(database);

        assertThat(difference.words())
                .isEqualTo("index public.idx_users_email is INVALID (a failed concurrent build); drop and recreate it");
        assertThat(difference.repairSql()).contains("""
                DROP INDEX CONCURRENTLY public.idx_users_email;
                CREATE INDEX CONCURRENTLY idx_users_email ON public.users USING btree (email);""");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void anAddedTableIsOneDifferenceNotOnePerColumnAndIndex() throws Exception {
        TestDatabase database = migrated("DriftTable");
        execute(database, """
                CREATE TABLE audit (id bigserial PRIMARY KEY, note text CHECK (note <> ''), user_id bigint REFERENCES users (id));
                CREATE INDEX audit_note ON audit (note);
                CREATE TRIGGER audit_touch BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()""");

        Difference difference = onlyDifference(database);

        assertThat(difference.words()).isEqualTo("table public.audit added");
        assertThat(difference.repairSql()).contains("DROP TABLE public.audit;");
        repairClearsTheDrift(database, difference);
    }

    static final String AUDIT = """
            CREATE TABLE audit (
                id bigserial PRIMARY KEY,
                seq bigint GENERATED BY DEFAULT AS IDENTITY,
                parent_id bigint REFERENCES audit (id),
                user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                note text COLLATE "C" DEFAULT 'none' CHECK (note <> ''),
                during tstzrange,
                size integer GENERATED ALWAYS AS (length(note)) STORED,
                UNIQUE (user_id, seq),
                EXCLUDE USING gist (during WITH &&)
            ) WITH (fillfactor = 90);
            CREATE INDEX audit_note ON audit (lower(note)) WHERE note <> 'none';
            CREATE TRIGGER audit_touch BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
            ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
            CREATE POLICY audit_own ON audit USING (user_id = 1);
            CREATE TABLE audit_link (audit_id bigint REFERENCES audit (id));
            CREATE VIEW recent_audit AS SELECT id, note FROM audit;
            """;

    @Test
    void aDroppedTableIsBuiltAgainWithEverythingItHad() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftDroppedTable");
        assertThat(migrate(database, "V1__schema.sql", SCHEMA, "V2__audit.sql", AUDIT)).isInstanceOf(DatabaseOutcome.Migrated.class);
        execute(database, "DROP TABLE audit CASCADE"); // takes the view and audit_link's foreign key with it

        Drift drift = ((DriftCheck.Drifted) check(database)).drift();

        assertThat(drift.differences()).extracting(Difference::words).containsExactly(
                "table public.audit missing", "constraint public.audit_link.audit_link_audit_id_fkey missing", "view public.recent_audit missing");
        String repair = drift.differences().getFirst().repairSql().orElseThrow();
        assertThat(repair).startsWith("-- Rebuilt empty from the record: restore its rows from a backup.")
                .contains("\nCREATE SEQUENCE public.audit_id_seq AS bigint")
                .contains("CREATE TABLE public.audit (\n", "    note text COLLATE pg_catalog.\"C\" DEFAULT 'none'::text,\n",
                        "    seq bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL", ") WITH (fillfactor=90);",
                        "ALTER SEQUENCE public.audit_id_seq OWNED BY public.audit.id;", "ALTER TABLE public.audit ENABLE ROW LEVEL SECURITY;",
                        "CREATE POLICY audit_own ON public.audit")
                .doesNotContain("CONCURRENTLY");
        assertThat(repair.indexOf("PRIMARY KEY")).as("the key before the foreign key to it").isLessThan(repair.indexOf("REFERENCES public.audit"));
        for (Difference difference : drift.differences()) {
            execute(database, difference.repairSql().orElseThrow());
        }
        assertThat(check(database)).as(() -> describe(database)).isInstanceOf(DriftCheck.Clean.class);
    }

    @Test
    void aDroppedPartitionedTableIsNamedWithoutSql() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftDroppedPartitioned");
        assertThat(migrate(database, "V1__schema.sql", SCHEMA, "V2__events.sql", """
                CREATE TABLE events (at date NOT NULL, note text) PARTITION BY RANGE (at);
                CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                """)).isInstanceOf(DatabaseOutcome.Migrated.class);
        execute(database, "DROP TABLE events");

        Drift drift = ((DriftCheck.Drifted) check(database)).drift();

        assertThat(drift.differences()).extracting(Difference::words).containsExactly("table public.events missing",
                "table public.events_2026 missing");
        assertThat(drift.differences()).allSatisfy(difference -> assertThat(difference.repairSql()).isEmpty());
    }

    static final String DOMAIN = "CREATE DOMAIN positive AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_check CHECK (VALUE > 0);\n";

    @Test
    void aDroppedDomainIsCreatedAgain() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftDroppedDomain");
        assertThat(migrate(database, "V1__schema.sql", SCHEMA, "V2__domain.sql", DOMAIN))
                .isInstanceOf(DatabaseOutcome.Migrated.class);
        execute(database, "DROP DOMAIN positive");

        Difference difference = onlyDifference(database);

        assertThat(difference.words()).isEqualTo("domain public.positive missing");
        assertThat(difference.repairSql()).contains(
                "CREATE DOMAIN public.positive AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_check CHECK ((VALUE > 0));");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void aDomainsDefaultNullabilityAndChecksArePutBack() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftChangedDomain");
        assertThat(migrate(database, "V1__schema.sql", SCHEMA, "V2__domain.sql", DOMAIN))
                .isInstanceOf(DatabaseOutcome.Migrated.class);
        execute(database, """
                ALTER DOMAIN positive DROP DEFAULT; ALTER DOMAIN positive DROP NOT NULL;
                ALTER DOMAIN positive DROP CONSTRAINT positive_check; ALTER DOMAIN positive ADD CONSTRAINT small CHECK (VALUE < 100)""");

        Difference difference = onlyDifference(database);

        assertThat(difference.words()).isEqualTo("domain public.positive changed: check positive_check CHECK ((VALUE > 0)) → (none);"
                + " check small (none) → CHECK ((VALUE < 100)); default 1 → (none); not null yes → no");
        assertThat(difference.repairSql()).contains("""
                ALTER DOMAIN public.positive SET DEFAULT 1;
                ALTER DOMAIN public.positive SET NOT NULL;
                ALTER DOMAIN public.positive DROP CONSTRAINT IF EXISTS positive_check;
                ALTER DOMAIN public.positive ADD CONSTRAINT positive_check CHECK ((VALUE > 0));
                ALTER DOMAIN public.positive DROP CONSTRAINT IF EXISTS small;""");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void aDomainsChangedBaseTypeIsNamedWithoutSql() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftDomainType");
        assertThat(migrate(database, "V1__schema.sql", SCHEMA, "V2__domain.sql", "CREATE DOMAIN code AS text;\n"))
                .isInstanceOf(DatabaseOutcome.Migrated.class);
        execute(database, "DROP DOMAIN code; CREATE DOMAIN code AS varchar(10)");

        Difference difference = onlyDifference(database);

        assertThat(difference.words()).isEqualTo("domain public.code changed: type text → character varying(10)");
        assertThat(difference.repairSql()).isEmpty();
    }

    @Test
    void aChangedColumnTypeIsNamedWithoutSql() throws Exception {
        TestDatabase database = migrated("DriftColumnType");
        execute(database, "ALTER TABLE users ALTER COLUMN email TYPE varchar(200)");

        Difference difference = onlyDifference(database);

        assertThat(difference.words()).isEqualTo("column public.users.email changed: type text → character varying(200)");
        assertThat(difference.repairSql()).isEmpty();
    }

    @Test
    void aDroppedDefaultIsPutBack() throws Exception {
        TestDatabase database = migrated("DriftDefault");
        execute(database, "ALTER TABLE orders ALTER COLUMN created_at DROP DEFAULT, ALTER COLUMN created_at DROP NOT NULL");

        Difference difference = onlyDifference(database);

        assertThat(difference.words()).isEqualTo("column public.orders.created_at changed: default now() → (none); not null yes → no");
        assertThat(difference.repairSql()).contains("""
                ALTER TABLE public.orders ALTER COLUMN created_at SET DEFAULT now();
                ALTER TABLE public.orders ALTER COLUMN created_at SET NOT NULL;""");
        repairClearsTheDrift(database, difference);
    }

    @Test
    void severalDifferencesAreListedByKindThenName() throws Exception {
        TestDatabase database = migrated("DriftSeveral");
        execute(database, """
                CREATE TABLE zeta (id int); ALTER TABLE users ADD COLUMN age integer NOT NULL DEFAULT 0;
                DROP INDEX idx_users_email; ALTER TABLE accounts DISABLE ROW LEVEL SECURITY""");

        DriftCheck check = check(database);

        assertThat(check).isInstanceOfSatisfying(DriftCheck.Drifted.class, drifted -> assertThat(drifted.drift().describe())
                .isEqualTo("""
                        - table public.accounts changed: row level security yes → no
                        - table public.zeta added
                        - column public.users.age added: integer not null default 0
                        - index public.idx_users_email missing

                        To return to the recorded schema:

                        ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
                        DROP TABLE public.zeta;
                        ALTER TABLE public.users DROP COLUMN age;
                        CREATE INDEX CONCURRENTLY idx_users_email ON public.users USING btree (email);
                        """));
    }

    @Test
    void nothingRecordedBeforeSluiceChangedAnythingAndABaselineRecordsTheSchema() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftBaseline");
        execute(database, "CREATE TABLE legacy (id int PRIMARY KEY)");
        assertThat(check(database)).isInstanceOf(DriftCheck.NothingRecorded.class);
        assertThat(check(database).describe()).startsWith("no recorded schema");

        assertThat(DriftFixtures.RUNNER.baseline(DriftFixtures.target(database), dev.sluice.rollout.migration.MigrationVersion.parse("1"),
                DriftFixtures.settings(), dev.sluice.rollout.engine.RolloutListener.NONE)).isInstanceOf(DatabaseOutcome.Migrated.class);

        assertThat(check(database)).isInstanceOfSatisfying(DriftCheck.Clean.class,
                clean -> assertThat(clean.recorded().reason()).isEqualTo(SnapshotReason.BASELINE));
    }

    @Test
    void aSnapshotThatCannotBeRecordedIsAWarningOnASuccessfulMigration() throws Exception {
        TestDatabase database = SharedPostgres.newDatabase("DriftRecordFails");
        execute(database, "CREATE SCHEMA sluice; CREATE TABLE sluice.schema_snapshot (id int)");

        DatabaseOutcome outcome = migrate(database, "V1__t.sql", "CREATE TABLE t (id int);");

        assertThat(outcome).isInstanceOfSatisfying(DatabaseOutcome.Migrated.class, migrated -> assertThat(migrated.warnings())
                .singleElement().asString().startsWith("the schema snapshot for drift detection was not recorded: SQLSTATE 42703"));
        assertThat(DriftFixtures.read(database).byKey()).containsKey("TABLE public.t");
        assertThat(Optional.of(outcome)).isPresent();
    }
}
