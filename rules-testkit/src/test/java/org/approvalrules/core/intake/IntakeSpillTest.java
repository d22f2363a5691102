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
        IntakeDetector detector = nationalDetector();

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

        // a budget of 4 KB per partition: every partition file (about 16 KB) is split again, some twice
        Collections.shuffle(records, new Random(5));
        IntakeDetector.Session split = detector.session(IntakeRegisters.of(moves), 0, 4_096);
        records.forEach(split::add);
        List<List<RuleFact>> batches = new ArrayList<>();
        split.finish(batches::add);
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(batches).as("the partitions were split into more batches").hasSizeGreaterThan(IntakeSpill.PARTITIONS * 2);
        assertThat(tempFiles()).as("the split partitions' files are deleted once read").isEqualTo(before);
    }

    @Test
    void findingRunsMergeToTheOrderOfOneSort() throws Exception {
        Path log = dir.resolve("log.csv");
        IntakeLogGenerator.writeLog(log, 5_000, 11L);
        IntakeLogGenerator.writeMoves(dir.resolve("moves.csv"));
        List<ItemMove> moves = IntakeLogReader.readMoves(dir.resolve("moves.csv"));
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            var snapshot = EntryPointAccess.snapshot(rules, DivisionCode.NATIONAL);
            IntakeDetector detector = new IntakeDetector(snapshot.parameters());
            List<List<org.approvalrules.api.finding.Finding>> judged = new ArrayList<>();
            // every batch to a file, merged three files at a time (several levels of premerged files); some in
            // memory and 16 files at a time; the defaults
            int[][] settings = {{0, 3}, {300, 16}, {FindingRuns.HELD, FindingRuns.FAN_IN}};
            for (int[] setting : settings) {
                int held = setting[0];
                IntakeDetector.Session s = detector.session(IntakeRegisters.of(moves));
                IntakeLogReader.read(log, s::add);
                List<org.approvalrules.api.finding.Finding> all = new ArrayList<>();
                List<org.approvalrules.api.finding.Finding> merged = new ArrayList<>();
                try (FindingRuns<org.approvalrules.api.finding.Finding> runs = FindingRuns.ofFindings(held, setting[1])) {
                    s.finish(batch -> {
                        List<org.approvalrules.api.finding.Finding> f = snapshot.evaluate(batch, java.time.Instant.parse("2025-01-01T00:00:00Z"));
                        all.addAll(f);
                        runs.add(f);
                    });
                    assertThat(runs.total()).isEqualTo(all.size());
                    runs.merge(merged::add);
                }
                assertThat(merged).as("held " + held).hasSizeGreaterThan(100).isEqualTo(IntakeDetector.order(all));
                judged.add(merged);
            }
            assertThat(judged.get(0)).isEqualTo(judged.get(2));
        }
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("approval-rules-findings-"))).isEmpty();
        }
    }

    @Test
    void tiesBetweenBatchesKeepTheBatchesOrderThroughEveryLevelOfMerging() {
        java.util.Random random = new java.util.Random(29);
        List<List<org.approvalrules.api.finding.Finding>> batches = new ArrayList<>();
        for (int b = 0; b < 60; b++) {
            List<org.approvalrules.api.finding.Finding> batch = new ArrayList<>();
            for (int k = random.nextInt(4); k >= 0; k--) { // equal rule, subject and Chinese message: told by evidence
                String subject = "GX-" + random.nextInt(5);
                batch.add(new org.approvalrules.api.finding.Finding("intake.two-end", org.approvalrules.api.finding.Severity.RED,
                        subject, org.approvalrules.api.BilingualText.of("同一办件 " + subject, "same case"), "ref", "000000",
                        "v", "c", java.util.Map.of(), java.util.Map.of("batch", b + "." + k)));
            }
            batches.add(batch);
        }
        List<org.approvalrules.api.finding.Finding> expected = IntakeDetector.order(
                batches.stream().flatMap(List::stream).toList());
        for (int[] setting : new int[][] {{0, 2}, {0, 3}, {0, 7}, {10, 4}, {1_000, 2}}) {
            List<org.approvalrules.api.finding.Finding> merged = new ArrayList<>();
            try (FindingRuns<org.approvalrules.api.finding.Finding> runs = FindingRuns.ofFindings(setting[0], setting[1])) {
                // added out of order, as threads finish them, each with its place among the batches
                List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, batches.size()).boxed().toList());
                Collections.shuffle(order, random);
                for (int b : order) {
                    runs.add(b, batches.get(b));
                }
                runs.merge(merged::add);
            }
            assertThat(merged).as("held %d, fan-in %d", setting[0], setting[1]).isEqualTo(expected);
        }
    }

    @Test
    void aLargeScanJudgedOnSeveralThreadsGivesTheFindingsOfOneThreadAsFindingsOrAsText() throws Exception {
        Log generated = log((int) FindingRuns.PARALLEL_FROM + 10_000, 13L);
        List<ItemMove> moves = generated.moves();
        List<IntakeRecord> records = generated.records();
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            var snapshot = EntryPointAccess.snapshot(rules, DivisionCode.NATIONAL);
            IntakeDetector.Session one = new IntakeDetector(snapshot.parameters()).session(IntakeRegisters.of(moves));
            records.forEach(one::add);
            List<org.approvalrules.api.finding.Finding> sequential = new ArrayList<>();
            one.finish(batch -> sequential.addAll(snapshot.evaluate(batch, java.time.Instant.parse("2025-01-01T00:00:00Z"))));
            var scan = rules.locality(DivisionCode.NATIONAL).scanIntake(IntakeRegisters.of(moves));
            records.forEach(scan::add);
            assertThat(scan.records()).isGreaterThanOrEqualTo(FindingRuns.PARALLEL_FROM);
            List<org.approvalrules.api.finding.Finding> all = scan.finish();
            assertThat(all).hasSizeGreaterThan(1000).isEqualTo(IntakeDetector.order(sequential));

            // the text form: each finding's line, made on the judging threads, in the same order
            var text = rules.locality(DivisionCode.NATIONAL).scanIntake(IntakeRegisters.of(moves));
            records.forEach(text::add);
            List<String> lines = new ArrayList<>();
            java.util.Set<String> threadNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
            text.finish(f -> {
                threadNames.add(Thread.currentThread().getName());
                return org.approvalrules.core.json.FindingsJson.line(f);
            }, lines::add);
            assertThat(lines).isEqualTo(all.stream().map(org.approvalrules.core.json.FindingsJson::line).toList());
            if (Runtime.getRuntime().availableProcessors() > 1) {
                assertThat(threadNames).as("lines made on the judging threads").anyMatch(n -> n.startsWith("intake-finish-"));
            }
        }
    }

    @Test
    void partitionsFinishedOnSeveralThreadsGiveTheBatchesOfOneThread() throws Exception {
        Log generated = log(30_000, 17L);
        List<ItemMove> moves = generated.moves();
        List<IntakeRecord> records = generated.records();
        IntakeDetector detector = nationalDetector();
        java.util.Map<Integer, java.util.SortedMap<Long, List<RuleFact>>> byThreads = new java.util.TreeMap<>();
        for (int threads : new int[] {1, 3}) {
            // files from the first record, partitions split again: batches come from split partitions too
            IntakeDetector.Session s = detector.session(IntakeRegisters.of(moves), 0, 4_096);
            records.forEach(s::add);
            java.util.SortedMap<Long, List<RuleFact>> batches = java.util.Collections.synchronizedSortedMap(
                    new java.util.TreeMap<>());
            java.util.Set<String> threadNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
            s.finish(threads, (order, batch) -> {
                threadNames.add(Thread.currentThread().getName());
                assertThat(batches.put(order, batch)).as("batch number %d given once", order).isNull();
            });
            assertThat(batches.lastKey()).isEqualTo(Long.MAX_VALUE);
            if (threads > 1) {
                assertThat(threadNames).as("partitions were read on the finishing threads").contains("intake-finish-1");
            }
            byThreads.put(threads, batches);
        }
        assertThat(byThreads.get(3)).hasSizeGreaterThan(IntakeSpill.PARTITIONS).isEqualTo(byThreads.get(1));
    }

    @Test
    void anErrorWhileJudgingOnAnotherThreadStopsTheScanWithThatError() throws Exception {
        Log generated = log(20_000, 19L);
        IntakeDetector.Session s = nationalDetector().session(IntakeRegisters.of(generated.moves()));
        generated.records().forEach(s::add);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.finish(2, (order, batch) -> {
            if (seen.incrementAndGet() == 5) {
                throw new IllegalStateException("judge failed on batch " + order);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("judge failed on batch");
        assertThat(seen.get()).as("the other thread stopped taking partitions").isLessThan(IntakeSpill.PARTITIONS);
    }

    /** A generated log's records and the move-in register. */
    private record Log(List<ItemMove> moves, List<IntakeRecord> records) {
    }

    private Log log(int records, long seed) throws Exception {
        Path log = dir.resolve("log.csv");
        IntakeLogGenerator.writeLog(log, records, seed);
        IntakeLogGenerator.writeMoves(dir.resolve("moves.csv"));
        List<IntakeRecord> read = new ArrayList<>();
        IntakeLogReader.read(log, read::add);
        return new Log(IntakeLogReader.readMoves(dir.resolve("moves.csv")), read);
    }

    private static IntakeDetector nationalDetector() {
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            return new IntakeDetector(EntryPointAccess.snapshot(rules, DivisionCode.NATIONAL).parameters());
        }
    }

    private static long tempFiles() throws Exception {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("approval-rules-intake-")).count();
        }
    }
}
