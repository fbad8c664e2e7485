package dev.sluice.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.rollout.ErrorCode;
import dev.sluice.rollout.RolloutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationNamesTest {

    @Test
    void versionsCompareNumericallyPartByPart() {
        List<String> sorted = List.of("10", "1.2", "2", "1.10", "1_3", "20261121093000", "1").stream()
                .map(MigrationVersion::parse).sorted().map(MigrationVersion::text).toList();
        assertThat(sorted).containsExactly("1", "1.2", "1_3", "1.10", "2", "10", "20261121093000");
        assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1")).hasSameHashCodeAs(MigrationVersion.parse("1"));
        assertThatThrownBy(() -> MigrationVersion.parse("1.a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEveryNamingStyleOfTheContract() {
        assertThat(MigrationFileName.parse("V3__add_orders.sql")).get().satisfies(name -> {
            assertThat(name.version().text()).isEqualTo("3");
            assertThat(name.description()).isEqualTo("add orders");
            assertThat(name.direction()).isEqualTo(MigrationFileName.Direction.UP);
        });
        assertThat(MigrationFileName.parse("U1_2__undo.sql")).get().extracting(MigrationFileName::direction)
                .isEqualTo(MigrationFileName.Direction.DOWN);
        assertThat(MigrationFileName.parse("V1_2__undo.sql")).get().extracting(name -> name.version().text()).isEqualTo("1_2");
        assertThat(MigrationFileName.parse("20261121093000_create_users.up.sql")).get()
                .extracting(name -> name.version().text(), MigrationFileName::description)
                .containsExactly("20261121093000", "create users");
        assertThat(MigrationFileName.parse("0001_init.down.sql")).get().extracting(MigrationFileName::direction)
                .isEqualTo(MigrationFileName.Direction.DOWN);
        assertThat(MigrationFileName.parse("README.sql")).isEmpty();
        assertThat(MigrationFileName.parse("V1_oops.sql")).isEmpty();
    }

    @Test
    void strictUtf8ReadingNamesTheFileAndOffset(@TempDir Path folder) throws Exception {
        Path good = Files.writeString(folder.resolve("V1__ok.sql"), "SELECT 'żółw 🐢';", StandardCharsets.UTF_8);
        assertThat(MigrationText.read(good)).isEqualTo("SELECT 'żółw 🐢';");

        Path invalid = Files.write(folder.resolve("V2__bad.sql"), new byte[] {'S', 'E', 'L', (byte) 0xC3, 0x28});
        assertThatThrownBy(() -> MigrationText.read(invalid))
                .isInstanceOfSatisfying(RolloutException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage(invalid + ": invalid UTF-8 at byte offset 3 (save the file as UTF-8)");

        Path nul = Files.write(folder.resolve("V3__nul.sql"), new byte[] {'S', 0, 'L'});
        assertThatThrownBy(() -> MigrationText.read(nul)).hasMessageContaining("NUL byte at byte offset 1");
    }

    @Test
    void foldersListUpsByVersionThenDownsNewestFirst(@TempDir Path folder) throws Exception {
        for (String name : List.of("V10__c.sql", "V2__b.sql", "V1__a.sql", "U2__b.sql", "U10__c.sql", "notes.sql", "README.md")) {
            Files.writeString(folder.resolve(name), "SELECT 1;");
        }
        assertThat(MigrationFiles.inRunOrder(folder)).extracting(path -> path.getFileName().toString())
                .containsExactly("V1__a.sql", "V2__b.sql", "V10__c.sql", "U10__c.sql", "U2__b.sql", "notes.sql");
    }
}
