package dev.sluice.rollout.migration;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration file's name says (CONTRACT §3): {@code V<version>__<description>.sql} and its
 * down script {@code U<version>__<description>.sql}, or golang-migrate/dbmate style
 * {@code <version>_<description>.up.sql} and {@code .down.sql}.
 */
public record MigrationFileName(String fileName, MigrationVersion version, String description, Direction direction) {

    public enum Direction { UP, DOWN }

    private static final Pattern FLYWAY = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern UP_DOWN = Pattern.compile("(\\d+(?:\\.\\d+)*)_(.+)\\.(up|down)\\.sql");

    public MigrationFileName {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(direction, "direction");
    }

    /** Reads a file name; empty when it does not follow any of the migration naming patterns. */
    public static Optional<MigrationFileName> parse(String fileName) {
        Matcher flyway = FLYWAY.matcher(fileName);
        if (flyway.matches()) {
            return Optional.of(new MigrationFileName(fileName, MigrationVersion.parse(flyway.group(2)),
                    describe(flyway.group(3)), flyway.group(1).equals("V") ? Direction.UP : Direction.DOWN));
        }
        Matcher upDown = UP_DOWN.matcher(fileName);
        if (upDown.matches()) {
            return Optional.of(new MigrationFileName(fileName, MigrationVersion.parse(upDown.group(1)),
                    describe(upDown.group(2)), upDown.group(3).equals("up") ? Direction.UP : Direction.DOWN));
        }
        return Optional.empty();
    }

    private static String describe(String raw) {
        return raw.replace('_', ' ').strip();
    }
}
