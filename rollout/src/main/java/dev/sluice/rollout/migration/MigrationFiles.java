package dev.sluice.rollout.migration;

import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.RolloutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the SQL files under a folder in the order they run: up migrations by version, then down ones newest first. */
public final class MigrationFiles {

    private MigrationFiles() {
    }

    public static List<Path> inRunOrder(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".sql"))
                    .toList();
        } catch (IOException e) {
            throw new RolloutException(ErrorCode.INVALID_INPUT, "cannot list " + folder + ": " + e.getMessage(), e);
        }
        List<Path> ups = new ArrayList<>();
        List<Path> downs = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path file : files) {
            Optional<MigrationFileName> name = MigrationFileName.parse(file.getFileName().toString());
            if (name.isEmpty()) {
                others.add(file);
            } else if (name.get().direction() == MigrationFileName.Direction.UP) {
                ups.add(file);
            } else {
                downs.add(file);
            }
        }
        Comparator<Path> byVersion = Comparator.comparing(path -> MigrationFileName.parse(path.getFileName().toString())
                .orElseThrow().version());
        ups.sort(byVersion.thenComparing(Path::toString));
        downs.sort(byVersion.reversed().thenComparing(Path::toString));
        others.sort(Comparator.comparing(Path::toString));
        List<Path> ordered = new ArrayList<>(ups);
        ordered.addAll(downs);
        ordered.addAll(others);
        return ordered;
    }
}
