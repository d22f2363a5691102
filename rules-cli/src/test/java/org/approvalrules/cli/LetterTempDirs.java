package org.approvalrules.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * The {@code @TempDir} directories of the command's tests (junit-platform.properties): named with letters only. The
 * command masks identifier-shaped runs of digits in everything it prints, and JUnit's own names
 * ({@code junit-18139076327409530815}) sometimes hold one (a 15-digit run masked as a legacy identity card), so a
 * test that expects a file's path in an error line failed now and then. Letters are never masked.
 */
public final class LetterTempDirs implements TempDirFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        while (true) {
            StringBuilder name = new StringBuilder("junit-");
            for (int i = 0; i < 16; i++) {
                name.append((char) ('a' + RANDOM.nextInt(26)));
            }
            try {
                return Files.createDirectory(base.resolve(name.toString()));
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }
}
