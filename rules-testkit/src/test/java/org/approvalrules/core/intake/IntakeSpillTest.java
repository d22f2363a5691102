package org.approvalrules.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.core.rules.EntryPointAccess;
import org.approvalrules.testkit.gen.IntakeLogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records spilled to partition files give exactly the facts of records kept in memory, in any order. */
class IntakeSpillTest {

    @TempDir
    Path dir;

    @Test
    void spilledPartitionsGiveTheSameFactsAsMemory() throws Exception {
        Path log = dir.resolve("log.csv");
        IntakeLogGenerator.Planted planted = IntakeLogGenerator.writeLog(log, 20_000, 7L);
        IntakeLogGenerator.writeMoves(dir.resolve("moves.csv"));
        assertThat(planted.pairs()).isPositive();
        assertThat(planted.copies()).isPositive();
        List<ItemMove> moves = IntakeLogReader.readMoves(dir.resolve("moves.csv"));
        List<IntakeRecord> records = new ArrayList<>();
        IntakeLogReader.read(log, records::add);
        IntakeDetector detector;
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            detector = new IntakeDetector(EntryPointAccess.snapshot(rules, DivisionCode.NATIONAL).parameters());
        }

        IntakeDetector.Session inMemory = detector.session(IntakeRegisters.of(moves));
        records.forEach(inMemory::add);
        List<RuleFact> expected = inMemory.finish();

        Collections.shuffle(records, new Random(3));
        long before = tempFiles();
        IntakeDetector.Session spilled = detector.session(IntakeRegisters.of(moves), 0);
        records.forEach(spilled::add);
        List<RuleFact> actual = spilled.finish();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(tempFiles()).as("partition files are deleted once read").isEqualTo(before);
    }

    private static long tempFiles() throws Exception {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("approval-rules-intake-")).count();
        }
    }
}
