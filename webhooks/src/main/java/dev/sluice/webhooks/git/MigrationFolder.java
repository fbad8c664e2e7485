package dev.sluice.webhooks.git;

import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.migration.MigrationText;
import dev.sluice.rollout.release.ReleaseDigest;
import dev.sluice.rollout.release.ReleaseFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The migrations of a commit as releases and approvals see them: the {@code .sql} files directly in
 * the policy's migrations folder. Review, release cutting and approval digests all read them here,
 * so a digest approved on a pull request's head is the digest its release gets.
 */
public final class MigrationFolder {

    public static final String POLICY_PATH = "sluice.yaml";

    private MigrationFolder() {
    }

    /** sluice.yaml at the revision; defaults when there is none. Throws {@link RolloutException} when it is invalid. */
    public static PolicyFile policy(Mirror mirror, String revision) throws IOException {
        Optional<byte[]> yaml = mirror.file(revision, POLICY_PATH);
        if (yaml.isEmpty()) {
            return new PolicyFile("", ProjectConfig.defaults());
        }
        String text = new String(yaml.get(), StandardCharsets.UTF_8);
        return new PolicyFile(text, ProjectConfig.parse(text, POLICY_PATH));
    }

    /** The migration files at the revision, by name, in name order. */
    public static Map<String, byte[]> sqlFiles(Mirror mirror, String revision, String folder) throws IOException {
        return sqlFiles(mirror.filesUnder(revision, folder));
    }

    /** Only {@code .sql} files directly in the folder count: subfolders are the project's own business. */
    public static Map<String, byte[]> sqlFiles(Map<String, byte[]> files) {
        Map<String, byte[]> sql = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(".sql") && !path.contains("/")) {
                sql.put(path, bytes);
            }
        });
        return sql;
    }

    /** The files as a release holds them; throws {@link RolloutException} naming the first file that is not valid UTF-8. */
    public static List<ReleaseFile> releaseFiles(Map<String, byte[]> files, String folder) {
        List<ReleaseFile> decoded = new ArrayList<>();
        files.forEach((name, bytes) -> decoded.add(ReleaseFile.of(name, MigrationText.decode(path(folder, name), bytes))));
        return decoded;
    }

    /** The digest of the migrations at the revision, read with the given policy's folder. */
    public static String digest(Mirror mirror, String revision, String folder) throws IOException {
        return ReleaseDigest.of(releaseFiles(sqlFiles(mirror, revision, folder), folder));
    }

    static String normalise(String folder) {
        return folder.replaceAll("^\\./|/+$", "");
    }

    private static String path(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
