package dev.sluice.rollout.drift;

import static dev.sluice.rollout.drift.DriftFixtures.execute;
import static dev.sluice.rollout.drift.DriftFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PostgresTest
class SnapshotTextTest {

    static final SchemaSnapshot AWKWARD = new SchemaSnapshot(List.of(
            new SchemaObject(ObjectKind.FUNCTION, "public.\"we\"\"ird\tname\"(integer)", Map.of(
                    "body", "BEGIN\r\n  RETURN $$it's\\n not a newline$$ || 'ünïcödé ✓ 𝄞';\nEND\n\n",
                    "@definition", "CREATE OR REPLACE FUNCTION …\n$function$\t\\\\$function$",
                    "key\twith\ttabs", "")),
            new SchemaObject(ObjectKind.TABLE, "public.\"Größe\"", Map.of("options", "fillfactor=70")),
            new SchemaObject(ObjectKind.SCHEMA, "public", Map.of())));

    @Test
    void roundTripsAwkwardText() {
        String text = AWKWARD.serialize();

        assertThat(SchemaSnapshot.parse(text)).isEqualTo(AWKWARD);
        assertThat(text).startsWith("sluice-schema-snapshot\t1\nO\tSCHEMA\tpublic\n");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(line.startsWith("sluice") ? 2 : 3));
        assertThat(AWKWARD.digest()).matches("sha256:[0-9a-f]{64}").isEqualTo(SchemaSnapshot.parse(text).digest());
    }

    @Test
    void objectsAreSortedByKindThenNameWhateverOrderTheyCameIn() {
        assertThat(AWKWARD.objects()).extracting(SchemaObject::kind)
                .containsExactly(ObjectKind.SCHEMA, ObjectKind.TABLE, ObjectKind.FUNCTION);
        assertThat(new SchemaSnapshot(AWKWARD.objects().reversed())).isEqualTo(AWKWARD);
    }

    @Test
    void refusesWhatIsNotASnapshot() {
        assertThatThrownBy(() -> SchemaSnapshot.parse("sluice-schema-snapshot\t2\n")).hasMessageContaining("version 1");
        assertThatThrownBy(() -> SchemaSnapshot.parse("sluice-schema-snapshot\t1\nA\tk\tv\n")).hasMessageContaining("before any object");
        assertThatThrownBy(() -> SchemaSnapshot.parse("sluice-schema-snapshot\t1\nO\tTABLE\ta\\x\n")).hasMessageContaining("escape");
        assertThatThrownBy(() -> new SchemaSnapshot(List.of(new SchemaObject(ObjectKind.SCHEMA, "a", Map.of()),
                new SchemaObject(ObjectKind.SCHEMA, "a", Map.of())))).hasMessageContaining("two objects named SCHEMA a");
    }

    @Test
    void aLiveSchemaWithAwkwardDefinitionsRoundTrips(TestDatabase database) throws Exception {
        execute(database, """
                CREATE SCHEMA "Ünï Schema";
                CREATE TABLE "Ünï Schema"."Order" ("select" text DEFAULT E'line one\\nline two\\ttab ''q'' "dq"',
                                                  "Größe" numeric CHECK ("Größe" > 0));
                CREATE FUNCTION "Ünï Schema".dollar(x text) RETURNS text LANGUAGE plpgsql AS $fn$
                BEGIN
                  -- a $$ inside, a tab:\t, unicode 𝄞
                  RETURN x || $$'$$;
                END
                $fn$;
                CREATE VIEW "Ünï Schema".v AS SELECT "select" AS "we""ird" FROM "Ünï Schema"."Order";
                """);

        SchemaSnapshot snapshot = read(database);

        assertThat(SchemaSnapshot.parse(snapshot.serialize())).isEqualTo(snapshot);
        assertThat(snapshot.byKey()).containsKeys("SCHEMA \"Ünï Schema\"", "TABLE \"Ünï Schema\".\"Order\"",
                "COLUMN \"Ünï Schema\".\"Order\".\"select\"", "COLUMN \"Ünï Schema\".\"Order\".\"Größe\"",
                "FUNCTION \"Ünï Schema\".dollar(text)", "VIEW \"Ünï Schema\".v");
        assertThat(snapshot.byKey().get("FUNCTION \"Ünï Schema\".dollar(text)").attributes().get("body"))
                .isEqualTo("BEGIN\n  -- a $$ inside, a tab:\t, unicode 𝄞\n  RETURN x || $$'$$;\nEND");
    }
}
