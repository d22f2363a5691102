package org.approvalrules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The findings of a seeded 10,000-case batch, national pack and example county, stay what they were before the
 * whole path was made faster (issue #10 item 9): each finding's content (case position, rule id, severity,
 * subject, both messages, reference, layer, parameters used, evidence, in the order a case lists them) is fed
 * into one SHA-256, compared with the digest recorded from the path before that work ({@code b43ca8f}). The
 * versions are left out (content hashes of packs and calendars, which change with any edit of them). The list
 * form, the streaming form and the batch in parallel parts must all give them.
 *
 * <p>A deliberate change of a deadline rule's findings (a message, a new rule over {@code CaseFacts}) changes
 * the digest: re-record it from the failure message, saying why in the commit.
 */
class WholePathFindingsTest {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final Instant AS_OF = Instant.parse("2024-12-16T02:00:00Z");

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "national, list, 19517, c96c8842",
        "national, stream, 19517, c96c8842",
        "national, parallel 2, 19517, c96c8842",
        "county, list, 37537, 31279875",
        "county, stream, 37537, 31279875",
        "county, parallel 3, 37537, 31279875"
    })
    void aSeededBatchGivesTheSameFindingsAsBefore(String pack, String form, int findings, String digest) {
        ApprovalRules.Builder b = ApprovalRules.builder();
        if (pack.equals("county")) {
            b.packs(Path.of("../examples/packs"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        if (form.startsWith("parallel")) {
            b.parallelism(Integer.parseInt(form.substring("parallel ".length())), pool);
        }
        List<DeadlineInput> cases = cases(10_000, 20241216L);
        try (ApprovalRules rules = b.build()) {
            List<CaseEvaluation> batch = new ArrayList<>();
            Thread caller = Thread.currentThread();
            if (form.equals("list")) {
                batch = rules.evaluate(COUNTY, cases, AS_OF);
            } else {
                rules.evaluate(COUNTY, cases, AS_OF, batch::add);
                // handed over on the caller's thread only (else this unsynchronized list would not do)
                rules.evaluate(COUNTY, cases.subList(0, 9_000), AS_OF, e -> assertThat(Thread.currentThread()).isSameAs(caller));
            }
            assertThat(batch).extracting(CaseEvaluation::caseId)
                    .containsExactlyElementsOf(cases.stream().map(DeadlineInput::caseId).toList());
            Digest d = new Digest();
            for (int i = 0; i < batch.size(); i++) {
                for (Finding f : batch.get(i).findings()) {
                    d.add(i, f);
                }
            }
            assertThat(d.count + ", " + d.hex()).as("findings, digest of %s (by rule: %s)", pack, d.byRule)
                    .isEqualTo(findings + ", " + digest);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void inPartsTheEarliestFailingPartsErrorIsThrownAfterThePartsBeforeItAreHandedOver() {
        // parts of 4,096 cases: cases 5,000 (second part) and 9,000 (third part) accepted after the evaluation
        // instant; the second part's case is named, and the consumer sees exactly the first part, in order
        List<DeadlineInput> cases = new ArrayList<>(cases(20_000, 3L));
        for (int i : new int[] {9_000, 5_000}) {
            cases.set(i, DeadlineInput.builder("W" + i, LocalDateTime.parse("2024-12-17T09:00"), TimeLimit.workingDays(1))
                    .build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ApprovalRules rules = ApprovalRules.builder().parallelism(3, pool).build()) {
            List<CaseEvaluation> seen = new ArrayList<>();
            assertThatThrownBy(() -> rules.evaluate(COUNTY, cases, AS_OF, seen::add))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("W5000").hasMessageNotContaining("W9000");
            assertThat(seen).hasSize(4_096);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i).caseId()).isEqualTo("W" + i);
            }
            // on the caller's thread alone, the stream hands over the chunks before the bad case
            try (ApprovalRules one = ApprovalRules.builder().build()) {
                List<CaseEvaluation> before = new ArrayList<>();
                assertThatThrownBy(() -> one.evaluate(COUNTY, cases, AS_OF, before::add))
                        .isInstanceOf(InvalidValueException.class).hasMessageContaining("W5000");
                assertThat(before).hasSizeLessThanOrEqualTo(5_000).isNotEmpty();
                assertThat(before.get(before.size() - 1).caseId()).isEqualTo("W" + (before.size() - 1));
            }
            // a duplicate id is refused before anything is evaluated or handed over
            List<DeadlineInput> twice = new ArrayList<>(cases.subList(0, 10_000));
            twice.set(9_999, cases.get(0));
            List<CaseEvaluation> none = new ArrayList<>();
            assertThatThrownBy(() -> rules.evaluate(COUNTY, twice, AS_OF, none::add))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("W0");
            assertThat(none).isEmpty();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void partsAreTakenWithoutBarrierAndHandedOverInOrderWhateverTheExecutorDoes() {
        // 40,000 cases: ten parts, more than the window of eight parts ahead that two threads may hold
        List<DeadlineInput> cases = cases(40_000, 17L);
        List<Runnable> queued = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (ApprovalRules two = ApprovalRules.builder().parallelism(2, pool).build();
                ApprovalRules never = ApprovalRules.builder().parallelism(3, queued::add).build();
                ApprovalRules plain = ApprovalRules.builder().build()) {
            List<CaseEvaluation> expected = plain.evaluate(COUNTY, cases, AS_OF);
            assertThat(two.evaluate(COUNTY, cases, AS_OF)).isEqualTo(expected);
            // an executor that queues the tasks and never runs them: the caller's thread takes every part, and a
            // task run after the batch has ended finds nothing to do
            assertThat(never.evaluate(COUNTY, cases, AS_OF)).isEqualTo(expected);
            assertThat(queued).hasSize(2);
            queued.forEach(Runnable::run);
            // a consumer that throws stops the batch: its error comes out, and the pool's thread is free again
            AtomicInteger handed = new AtomicInteger();
            assertThatThrownBy(() -> two.evaluate(COUNTY, cases, AS_OF, e -> {
                if (handed.incrementAndGet() == 5_000) {
                    throw new IllegalStateException("consumer full");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("consumer full");
            assertThat(handed.get()).isEqualTo(5_000);
            assertThat(two.evaluate(COUNTY, cases.subList(0, 9_000), AS_OF)).isEqualTo(expected.subList(0, 9_000));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void partsTheExecutorRefusesRunOnTheCallersThreadAndTheDefaultUsesNoExecutor() {
        List<DeadlineInput> cases = cases(9_000, 11L);
        AtomicInteger asked = new AtomicInteger();
        Executor refusing = task -> {
            asked.incrementAndGet();
            throw new RejectedExecutionException("full");
        };
        try (ApprovalRules refused = ApprovalRules.builder().parallelism(2, refusing).build();
                ApprovalRules plain = ApprovalRules.builder().build()) {
            List<CaseEvaluation> a = refused.evaluate(COUNTY, cases, AS_OF);
            assertThat(asked.get()).isEqualTo(1);   // 9,000 cases in three parts: one task asked for, refused
            List<CaseEvaluation> b = plain.evaluate(COUNTY, cases, AS_OF);
            assertThat(a).isEqualTo(b);
        }
        assertThatThrownBy(() -> ApprovalRules.builder().parallelism(0, Runnable::run).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> ApprovalRules.builder().parallelism(2, null).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("parallelism");
    }

    @Test
    void theListenerHearsOfEveryCaseOnceInBothForms() {
        List<Integer> told = new ArrayList<>();
        ApprovalRules.Listener l = new ApprovalRules.Listener() {
            @Override
            public void evaluated(DivisionCode locality, List<CaseEvaluation> results, long nanos) {
                told.add(results.size());
            }
        };
        List<DeadlineInput> cases = cases(10_000, 5L);
        try (ApprovalRules rules = ApprovalRules.builder().listener(l).build()) {
            rules.evaluate(COUNTY, cases, AS_OF);
            assertThat(told).containsExactly(10_000);
            told.clear();
            int[] seen = {0};
            rules.evaluate(COUNTY, cases, AS_OF, e -> seen[0]++);
            assertThat(seen[0]).isEqualTo(10_000);
            assertThat(told).containsExactly(4_096, 4_096, 1_808);   // in runs of up to 4,096 handed over
        }
    }

    /** Content of findings in order, versions left out. */
    static final class Digest {
        private final MessageDigest sha;
        int count;
        final Map<String, Integer> byRule = new TreeMap<>();

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(int position, Finding f) {
            count++;
            byRule.merge(f.ruleId(), 1, Integer::sum);
            String s = position + "\u0001" + f.ruleId() + "\u0001" + f.severity() + "\u0001" + f.subject() + "\u0001"
                    + f.message().zh() + "\u0001" + f.message().en() + "\u0001" + f.legalReference() + "\u0001"
                    + f.layer() + "\u0001" + f.parameters() + "\u0001" + f.evidence() + "\n";
            sha.update(s.getBytes(StandardCharsets.UTF_8));
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        }
    }

    /**
     * {@code n} cases accepted at random minutes over 300 days from 2024-01-02 (so every day counted lies in
     * 2024, the county's parameters and Guangxi's calendar years): promised limits 3–25 working days over a
     * statutory 20 (some above it, some above the province's cap), every 20th accepted in the first half of November
     * (some near their due dates, none running into 2025), a quarter of the others with an expert review, some
     * procedures recorded long after acceptance, a third completed, some without a promised limit.
     */
    static List<DeadlineInput> cases(int n, long seed) {
        Random r = new Random(seed);
        List<DeadlineInput> cases = new ArrayList<>(n);
        LocalDateTime base = LocalDateTime.parse("2024-01-02T08:00");
        for (int i = 0; i < n; i++) {
            // every 20th in the last weeks before the evaluation, so that some are near their due dates
            LocalDateTime acc = i % 20 == 0 ? LocalDateTime.parse("2024-11-04T08:00").plusMinutes(r.nextInt(14 * 24 * 60))
                    : base.plusMinutes(r.nextInt(300 * 24 * 60));
            DeadlineInput.Builder in = DeadlineInput.builder("W" + i, acc, TimeLimit.workingDays(20));
            if (r.nextInt(10) != 0) {
                in.promised(TimeLimit.workingDays(3 + r.nextInt(23)));
            }
            if (i % 20 != 0 && r.nextInt(4) == 0) {
                LocalDateTime start = acc.plusDays(1 + r.nextInt(40));
                in.procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, start, start.plusDays(1 + r.nextInt(6))));
            }
            if (r.nextInt(3) == 0) {
                in.completed(acc.plusDays(2 + r.nextInt(50)));
            }
            cases.add(in.build());
        }
        return cases;
    }
}
