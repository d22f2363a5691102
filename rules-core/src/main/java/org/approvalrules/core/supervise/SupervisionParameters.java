package org.approvalrules.core.supervise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.supervise.CatalogueFact;
import org.approvalrules.api.supervise.KpiFact;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * The range checks of the supervision parameters, run when a locality's snapshot is built or reloaded and by
 * {@code rules check} ({@code core.rules.ParameterChecks}), so that a bad figure is refused where it was written
 * rather than judged with: every dated value of
 * <ul>
 *   <li>{@code kpi.target.<id>} names a KPI ({@link KpiFact.Kpi}) and is a number: a rate or share in [0, 1], a
 *       number of working days (mean, p90) ≥ 0;</li>
 *   <li>{@code catalogue.cap.average-<measure>} names a measure ({@link CatalogueFact.Measure}) and is a number > 0;</li>
 *   <li>{@code catalogue.cap.promised-share} is a number in (0, 1].</li>
 * </ul>
 * Each bad value is a {@link RulePackException.Problem} naming its file, line and value; all are reported together.
 */
public final class SupervisionParameters {
    static final String KPI_TARGET = "kpi.target.";
    static final String AVERAGE_CAP = "catalogue.cap.average-";

    private static final Map<String, KpiFact.Kpi> KPIS = Arrays.stream(KpiFact.Kpi.values())
            .collect(Collectors.toMap(KpiFact.Kpi::id, k -> k));
    private static final Set<String> MEASURES = Arrays.stream(CatalogueFact.Measure.values()).map(CatalogueFact.Measure::id)
            .collect(Collectors.toSet());

    private SupervisionParameters() {
    }

    /**
     * Checks the supervision parameters of {@code params}.
     *
     * @throws RulePackException with every bad value (file, line, reason with the value)
     */
    public static void check(ParameterSet params) {
        List<RulePackException.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.all().entrySet()) {
            String id = e.getKey();
            if (id.startsWith(KPI_TARGET)) {
                KpiFact.Kpi kpi = KPIS.get(id.substring(KPI_TARGET.length()));
                if (kpi == null) {
                    problems.add(problem(e.getValue().values().get(0), "未知指标 " + id + "（应为 kpi.target." + KPIS.keySet()
                            .stream().sorted().toList() + " 之一） / unknown KPI " + id));
                    continue;
                }
                boolean rate = kpi.atLeast();
                check(e.getValue(), v -> rate ? v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0 : v.signum() >= 0,
                        rate ? id + " 须为0到1之间的比率 / must be a rate from 0 to 1"
                                : id + " 须为不小于0的工作日数 / must be a number of working days >= 0", problems);
            } else if (id.startsWith(AVERAGE_CAP)) {
                if (!MEASURES.contains(id.substring(AVERAGE_CAP.length()))) {
                    problems.add(problem(e.getValue().values().get(0), "未知目录指标 " + id + "（应为 catalogue.cap.average-"
                            + MEASURES.stream().sorted().toList() + " 之一） / unknown catalogue measure " + id));
                    continue;
                }
                check(e.getValue(), v -> v.signum() > 0, id + " 须为大于0的数 / must be a number > 0", problems);
            } else if (id.equals(org.approvalrules.api.supervise.PromisedLimitFact.CAP_PARAMETER)) {
                check(e.getValue(), v -> v.signum() > 0 && v.compareTo(BigDecimal.ONE) <= 0,
                        id + " 须为大于0且不大于1的比例 / must be a share greater than 0 and at most 1", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
    }

    private static void check(Parameter p, java.util.function.Predicate<BigDecimal> ok, String reason,
            List<RulePackException.Problem> problems) {
        for (DatedValue v : p.values()) {
            BigDecimal d = v.value() instanceof BigDecimal b ? b
                    : v.value() instanceof Integer i ? BigDecimal.valueOf(i) : null;
            if (d == null || !ok.test(d)) {
                problems.add(problem(v, reason + "（" + v.from() + " 起的值 / value from " + v.from() + ": " + v.display() + "）"));
            }
        }
    }

    private static RulePackException.Problem problem(DatedValue v, String reason) {
        return new RulePackException.Problem(v.file(), v.line(), reason);
    }
}
