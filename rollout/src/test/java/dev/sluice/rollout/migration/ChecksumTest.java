package dev.sluice.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksumTest {

    @Test
    void isTheTaggedSha256OfTheText() {
        // printf 'SELECT 1;\n' | sha256sum
        assertThat(Checksum.of("SELECT 1;\n").value())
                .isEqualTo("sha256:b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd");
    }

    @Test
    void ignoresAByteOrderMarkAndWindowsLineEndings() {
        Checksum unix = Checksum.of("CREATE TABLE t(id int);\nSELECT 1;\n");
        assertThat(Checksum.of("\uFEFFCREATE TABLE t(id int);\r\nSELECT 1;\r\n")).isEqualTo(unix);
        assertThat(Checksum.of("CREATE TABLE t(id int);\nSELECT 2;\n")).isNotEqualTo(unix);
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> new Checksum("md5:abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
