package org.approvalrules.core.supervise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.supervise.CatalogueFact;
import org.approvalrules.api.supervise.PromisedLimitFact;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;

/**
 * The catalogue (事项目录) against its caps: per department the average number of steps, of materials and the
 * average time limit in working days (the promised limit, else the statutory; an immediate item counts 0, an item
 * limited in calendar days is left out of that average), and per item the promised limit as a share of the
 * statutory one (both in working days). Items without a steps or materials count are left out of that average.
 */
final class CatalogueStage implements SupervisionStage {

    @Override
    public String domain() {
        return "catalogue";
    }

    @Override
    public void run(SupervisionRun run) {
        Map<String, long[]> sums = new TreeMap<>(); // department → steps sum, steps n, materials sum, n, days sum, n
        List<RuleFact> facts = new ArrayList<>();
        for (CatalogueItem item : run.items.values()) {
            long[] s = sums.computeIfAbsent(item.department(), k -> new long[6]);
            if (item.steps().isPresent()) {
                s[0] += item.steps().get();
                s[1]++;
            }
            if (item.materials().isPresent()) {
                s[2] += item.materials().get();
                s[3]++;
            }
            TimeLimit limit = item.promised().orElse(item.statutory());
            if (limit.unit() != LimitUnit.CALENDAR_DAYS) {
                s[4] += limit.amount();
                s[5]++;
            }
            TimeLimit statutory = item.statutory();
            if (statutory.unit() == LimitUnit.WORKING_DAYS && statutory.amount() > 0 && item.promised().isPresent()
                    && item.promised().get().unit() != LimitUnit.CALENDAR_DAYS) {
                facts.add(new PromisedLimitFact(item.code(), item.department(), item.promised().get().amount(),
                        statutory.amount(), run.asOfDate));
            }
        }
        sums.forEach((dep, s) -> {
            add(facts, dep, CatalogueFact.Measure.STEPS, s[0], s[1], run);
            add(facts, dep, CatalogueFact.Measure.MATERIALS, s[2], s[3], run);
            add(facts, dep, CatalogueFact.Measure.TIME_LIMIT, s[4], s[5], run);
        });
        List<Finding> found = run.judge(facts);
        Map<List<String>, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Finding f : found) {
            String dep = f.evidence().getOrDefault("department", f.subject());
            rows.computeIfAbsent(List.of(f.ruleId(), dep, f.evidence().getOrDefault("measure", "")), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", f.ruleId());
                m.put("department", dep);
                m.put("measure", f.evidence().getOrDefault("measure", ""));
                m.put("count", 0L);
                return m;
            }).merge("count", 1L, (a, b) -> (Long) a + (Long) b);
        }
        run.section("catalogue").addAll(rows.values());
    }

    private static void add(List<RuleFact> facts, String dep, CatalogueFact.Measure m, long sum, long n, SupervisionRun run) {
        if (n > 0) {
            facts.add(new CatalogueFact(dep, m, sum, (int) n, run.asOfDate));
        }
    }
}
