package dev.sluice.bench;

import dev.sluice.review.MigrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of realistic PostgreSQL migrations: table creation, column changes,
 * indexes, constraints, backfills, functions with dollar-quoted bodies, comments. The same seed
 * gives the same files, so runs on different machines review the same text.
 */
final class MigrationCorpus {

    static final int STATEMENTS_PER_FILE = 100;

    private MigrationCorpus() {
    }

    static List<MigrationFile> generate(int statements, long seed) {
        Random random = new Random(seed);
        List<MigrationFile> files = new ArrayList<>();
        int fileCount = (statements + STATEMENTS_PER_FILE - 1) / STATEMENTS_PER_FILE;
        int table = 0;
        for (int f = 0; f < fileCount; f++) {
            StringBuilder text = new StringBuilder("-- migration ").append(f + 1).append('\n');
            int inFile = Math.min(STATEMENTS_PER_FILE, statements - f * STATEMENTS_PER_FILE);
            for (int s = 0; s < inFile; s++) {
                text.append(statement(random, table++ % 400)).append("\n\n");
            }
            files.add(new MigrationFile(String.format("V%05d__generated.sql", f + 1), text.toString()));
        }
        return files;
    }

    private static String statement(Random random, int n) {
        String table = "table_" + n;
        return switch (random.nextInt(12)) {
            case 0 -> "CREATE TABLE IF NOT EXISTS " + table + "_v" + random.nextInt(1000) + " (\n"
                    + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                    + "    account_id bigint NOT NULL REFERENCES accounts (id),\n"
                    + "    name text NOT NULL,\n"
                    + "    amount numeric(12, 2) DEFAULT 0 NOT NULL,\n"
                    + "    created_at timestamptz NOT NULL DEFAULT now(),\n"
                    + "    CONSTRAINT " + table + "_amount_check CHECK (amount >= 0)\n);";
            case 1 -> "ALTER TABLE " + table + " ADD COLUMN note_" + random.nextInt(100) + " text;";
            case 2 -> "ALTER TABLE " + table + " ADD COLUMN status_" + random.nextInt(100) + " text NOT NULL DEFAULT 'new';";
            case 3 -> "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + table + "_created_" + random.nextInt(100) + "_idx ON "
                    + table + " (created_at) WHERE deleted_at IS NULL;";
            case 4 -> "UPDATE " + table + " SET status = 'archived' WHERE created_at < now() - interval '1 year' AND id BETWEEN "
                    + random.nextInt(1000) + " AND " + (1000 + random.nextInt(1000)) + ";";
            case 5 -> "INSERT INTO settings (key, value) VALUES ('feature_" + random.nextInt(1000) + "', '{\"on\": true}')"
                    + " ON CONFLICT (key) DO NOTHING;";
            case 6 -> "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_account_fk FOREIGN KEY (account_id)"
                    + " REFERENCES accounts (id) NOT VALID;";
            case 7 -> "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + table + "_account_fk;";
            case 8 -> "CREATE OR REPLACE FUNCTION touch_" + n + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                    + "    NEW.updated_at := now(); -- keep in step\n    RETURN NEW;\nEND;\n$$;";
            case 9 -> "COMMENT ON COLUMN " + table + ".name IS 'The display name; shown in the UI';";
            case 10 -> "ALTER TABLE " + table + " ALTER COLUMN name TYPE varchar(" + (50 + random.nextInt(200)) + ");";
            default -> "CREATE INDEX " + table + "_name_idx ON " + table + " (lower(name));";
        };
    }

    static void write(List<MigrationFile> files, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (MigrationFile file : files) {
            Files.writeString(folder.resolve(file.path()), file.text());
        }
    }
}
