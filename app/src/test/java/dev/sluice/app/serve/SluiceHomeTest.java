package dev.sluice.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceHomeTest {

    @TempDir
    Path folder;

    @Test
    void aSecondHolderIsRefusedWithAMessageNamingTheFolderAndTheHolder() throws Exception {
        try (SluiceHome first = SluiceHome.lock(folder)) {
            assertThat(Files.readString(folder.resolve(SluiceHome.LOCK_FILE)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));

            assertThatThrownBy(() -> SluiceHome.lock(folder))
                    .isInstanceOf(CommandFailure.class)
                    .hasMessageContaining("already using " + folder.toAbsolutePath())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .satisfies(e -> assertThat(((CommandFailure) e).exitCode()).isEqualTo(ExitCode.FAILED));
        }
        try (SluiceHome again = SluiceHome.lock(folder)) {
            assertThat(again.folder()).isEqualTo(folder.toAbsolutePath());
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsAClearFailure() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> SluiceHome.lock(file.resolve("home")))
                .isInstanceOf(CommandFailure.class)
                .hasMessageContaining("cannot use " + file.resolve("home"));
    }
}
