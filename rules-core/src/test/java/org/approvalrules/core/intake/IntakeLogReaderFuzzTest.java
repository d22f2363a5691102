package org.approvalrules.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeVolumeFact;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.core.LoaderErrors;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link IntakeLogReader} through its file entry points: any content gives records or a
 * DataFormatException naming the file; records that load give findings that name logged cases only and do
 * not depend on the order of the log.
 *
 * <p>Input layout (seeds in {@code IntakeLogReaderFuzzTestInputs/logAndMoves/}): the log, a line {@code %%},
 * the move-in register.
 */
class IntakeLogReaderFuzzTest {

    @TempDir
    static Path dir;

    private static final IntakeDetector DETECTOR = new IntakeDetector(IntakeFixtures.params());

    @FuzzTest(maxDuration = "5m")
    void logAndMoves(byte[] input) throws IOException {
        byte[][] files = LoaderErrors.parts(input, 2);
        Path log = Files.write(dir.resolve("log.csv"), files[0]);
        Path moves = Files.write(dir.resolve("moves.csv"), files[1]);
        List<IntakeRecord> records = LoaderErrors.valueOrNull(log.toString(), () -> {
            List<IntakeRecord> out = new ArrayList<>();
            IntakeLogReader.read(log, out::add);
            return out;
        });
        List<ItemMove> register = LoaderErrors.valueOrNull(moves.toString(), () -> IntakeLogReader.readMoves(moves));
        if (records == null || register == null) {
            return;
        }
        Set<String> cases = records.stream().map(IntakeRecord::caseNumber).collect(Collectors.toSet());
        Set<RuleFact> facts;
        try {
            facts = facts(records, register);
        } catch (InvalidValueException e) {
            // a record dated before the parameters' first value (or a register naming an item twice): the error names it
            assertThat(e.value()).satisfiesAnyOf(v -> assertThat(cases).contains(v),
                    v -> assertThat(register).anyMatch(m -> m.itemCode().equals(v)));
            return;
        }
        // every fact names a logged case; a monthly volume names a registered item
        assertThat(facts).allSatisfy(f -> {
            if (f instanceof IntakeVolumeFact v) {
                assertThat(register).anyMatch(m -> m.itemCode().equals(v.itemCode()));
            } else {
                assertThat(cases).contains(f.subject());
            }
        });
        List<IntakeRecord> reversed = new ArrayList<>(records);
        Collections.reverse(reversed);
        assertThat(facts(reversed, register)).isEqualTo(facts);
    }

    private static Set<RuleFact> facts(List<IntakeRecord> records, List<ItemMove> register) {
        IntakeDetector.Session s = DETECTOR.session(register);
        records.forEach(s::add);
        return Set.copyOf(s.finish());
    }
}
