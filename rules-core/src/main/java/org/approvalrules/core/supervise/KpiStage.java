package org.approvalrules.core.supervise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.approvalrules.api.supervise.KpiFact;
import org.approvalrules.api.supervise.KpiFact.Kpi;
import org.approvalrules.core.kpi.DeadlineKpis;
import org.approvalrules.core.kpi.Ratio;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;

/**
 * KPIs per department and for the centre ({@value #CENTRE}) against their dated targets ({@code kpi.target.<id>},
 * a "590"-style scorecard a locality sets): on-time rate (suspensions deducted), same-day rate of immediate items,
 * on-the-spot rate, mean and p90 working days used (from the deadline stage's evaluations), share of immediate
 * items and of items in the centre (from the catalogue). A KPI with no denominator is not reported; a KPI whose
 * target the locality does not define is reported without a target and never judged.
 */
final class KpiStage implements SupervisionStage {
    static final String CENTRE = KpiFact.CENTRE;

    @Override
    public String domain() {
        return "kpis";
    }

    @Override
    public void run(SupervisionRun run) {
        List<KpiFact> facts = new ArrayList<>();
        run.kpis.forEach((dep, acc) -> {
            DeadlineKpis k = acc.result();
            add(facts, dep, Kpi.ON_TIME_RATE, k.onTime(), run);
            add(facts, dep, Kpi.SAME_DAY_IMMEDIATE_RATE, k.sameDayImmediate(), run);
            add(facts, dep, Kpi.ON_THE_SPOT_RATE, k.onTheSpot(), run);
            add(facts, dep, Kpi.MEAN_WORKING_DAYS, k.meanWorkingDaysUsed(), run);
            k.p90WorkingDaysUsed().ifPresent(p -> add(facts, dep, Kpi.P90_WORKING_DAYS, new Ratio(p, 1), run));
        });
        Map<String, long[]> items = new TreeMap<>(); // department → items, immediate, in centre
        for (CatalogueItem item : run.items.values()) {
            for (String dep : List.of(item.department(), CENTRE)) {
                long[] n = items.computeIfAbsent(dep, x -> new long[3]);
                n[0]++;
                n[1] += item.immediate() ? 1 : 0;
                n[2] += item.inCentreFrom().isPresent() && !item.inCentreFrom().get().isAfter(run.asOfDate) ? 1 : 0;
            }
        }
        items.forEach((dep, n) -> {
            add(facts, dep, Kpi.IMMEDIATE_SHARE, new Ratio(n[1], n[0]), run);
            add(facts, dep, Kpi.IN_CENTRE_SHARE, new Ratio(n[2], n[0]), run);
        });
        run.judge(facts);
        ParameterSet params = run.parameters();
        List<Map<String, Object>> section = run.section("kpis");
        for (KpiFact f : facts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("department", f.department());
            m.put("kpi", f.kpi().id());
            m.put("labelZh", f.kpi().chineseName());
            m.put("labelEn", f.kpi().englishName());
            m.put("value", f.value());
            if (params.defines(f.targetParameter())) {
                BigDecimal target = params.decimalAt(f.targetParameter(), f.date());
                m.put("target", target);
                m.put("met", !f.misses(target));
            } else {
                m.put("target", null);
                m.put("met", null);
            }
            m.put("numerator", f.numerator());
            m.put("denominator", f.denominator());
            section.add(m);
        }
    }

    private static void add(List<KpiFact> facts, String dep, Kpi kpi, Ratio r, SupervisionRun run) {
        if (r.denominator() > 0) {
            facts.add(new KpiFact(dep, kpi, r.numerator(), r.denominator(), run.asOfDate));
        }
    }
}
