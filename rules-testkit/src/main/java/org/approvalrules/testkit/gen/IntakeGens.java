package org.approvalrules.testkit.gen;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.intake.IntakeRecord;

/**
 * Generators (with shrinking) for intake logs: records over a few applicants and items so that the same
 * (applicant, item) recurs across channels and days, which is where two-end intake lives.
 */
public final class IntakeGens {

    private IntakeGens() {
    }

    /** {@code n} distinct valid unified social credit codes (check character computed), n ≤ 10⁹. */
    public static List<ApplicantId> applicants(int n) {
        List<ApplicantId> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String first17 = "91450100" + String.format("%09d", i);
            out.add(ApplicantId.creditCode(first17 + ApplicantId.creditCodeCheckChar(first17)));
        }
        return out;
    }

    /**
     * Logs of up to {@code maxSize} records, with case numbers {@code R0, R1, …} in the order generated,
     * applicants and items drawn from the lists given, days in {@code range}, any channel; a branch-centre
     * record is named by one of {@code branchNames}. Shrinks towards fewer records, earlier days, the first
     * applicant, item and channel.
     */
    public static Gen<List<IntakeRecord>> logs(List<ApplicantId> applicants, List<String> items, DateRange range,
            List<String> branchNames, int maxSize) {
        return logs(applicants, items, range, branchNames, maxSize, false);
    }

    /**
     * As {@link #logs(List, List, DateRange, List, int)}; with {@code copies}, about one record in three is also
     * exported by the other system under the same case number (a department copy of a centre record, or a centre
     * copy of a department record), the same day or the next: one case in two exports. Shrinks towards no copies.
     */
    public static Gen<List<IntakeRecord>> logs(List<ApplicantId> applicants, List<String> items, DateRange range,
            List<String> branchNames, int maxSize, boolean copies) {
        Gen<Who> who = Gen.zip(Gen.ints(0, applicants.size() - 1), Gen.zip(Gen.ints(0, items.size() - 1),
                copies ? Gen.ints(0, 5) : Gen.constant(0), (item, copy) -> new int[] {item, copy}),
                (a, ic) -> new Who(a, ic[0], ic[1]));
        Gen<Where> where = Gen.zip(Gen.elements(AcceptanceChannel.values()), Gen.ints(0, branchNames.size() - 1),
                Where::new);
        Gen<Row> row = Gen.zip(who, Gen.zip(DeadlineGens.acceptanceTimes(range), where, When::new), Row::new);
        return Gen.listOf(row, 0, maxSize).map(rows -> {
            List<IntakeRecord> log = new ArrayList<>(rows.size());
            for (int k = 0; k < rows.size(); k++) {
                Row r = rows.get(k);
                AcceptanceChannel ch = r.when().where().channel();
                Optional<String> name = ch == AcceptanceChannel.BRANCH_CENTRE
                        ? Optional.of(branchNames.get(r.when().where().branch())) : Optional.empty();
                IntakeRecord rec = new IntakeRecord("R" + k, items.get(r.who().item()), applicants.get(r.who().applicant()), ch,
                        name, r.when().at());
                log.add(rec);
                int copy = r.who().copy();
                if (copy == 1 || copy == 2) {
                    AcceptanceChannel other = ch == AcceptanceChannel.DEPARTMENT ? AcceptanceChannel.CENTRE_WINDOW
                            : AcceptanceChannel.DEPARTMENT;
                    log.add(IntakeRecord.of(rec.caseNumber(), rec.itemCode(), rec.applicant(), other,
                            rec.acceptedAt().plusDays(copy - 1L).plusMinutes(30)));
                }
            }
            return log;
        });
    }

    private record Who(int applicant, int item, int copy) {
    }

    private record Where(AcceptanceChannel channel, int branch) {
    }

    private record When(LocalDateTime at, Where where) {
    }

    private record Row(Who who, When when) {
    }
}
