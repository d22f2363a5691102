package org.approvalrules.benchmarks;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseFacts;

/** Seeded synthetic case facts for the rule-pack benchmarks: about a third of them raise a finding. */
final class RuleCases {
    private RuleCases() {
    }

    static List<CaseFacts> generate(int n, DivisionCode locality, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<CaseFacts> out = new ArrayList<>(n);
        LocalDateTime base = LocalDateTime.parse("2024-01-02T09:00");
        for (int i = 0; i < n; i++) {
            int statutory = 5 + r.nextInt(30);
            int promised = Math.max(1, statutory - r.nextInt(statutory));
            if (r.nextInt(50) == 0) {
                promised = statutory + 2;
            }
            int remaining = r.nextInt(-3, promised + 1);
            boolean completed = r.nextInt(4) == 0;
            int notice = r.nextInt(10) == 0 ? r.nextInt(8) : -1;
            int delivery = completed && r.nextInt(5) == 0 ? r.nextInt(13) : -1;
            int afterDue = r.nextInt(100) == 0 ? 1 : 0;
            int backDated = r.nextInt(100) == 0 ? 1 : 0;
            int atAcceptance = r.nextInt(100) == 0 ? 1 : 0;
            int unrecognised = r.nextInt(100) == 0 ? 1 : 0;
            out.add(new CaseFacts("C" + i, locality, base.plusMinutes(r.nextInt(300 * 24 * 60)),
                    TimeLimit.workingDays(statutory), TimeLimit.workingDays(promised), remaining,
                    remaining + statutory - promised, completed, notice, delivery, afterDue, backDated, atAcceptance,
                    unrecognised));
        }
        return out;
    }
}
