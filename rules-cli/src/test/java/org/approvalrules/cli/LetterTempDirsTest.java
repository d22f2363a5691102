package org.approvalrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.approvalrules.api.privacy.Masking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's tests get temporary directories whose paths the output masking leaves as they are. */
class LetterTempDirsTest {

    @Test
    void temporaryDirectoriesAreNamedWithLettersTheMaskingNeverTouches(@TempDir Path dir) {
        assertThat(dir.getFileName().toString()).matches("junit-[a-z]{16}");
        assertThat(Masking.mask(dir.toString())).isEqualTo(dir.toString());
    }
}
