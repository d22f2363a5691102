package org.approvalrules.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseEvaluation;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer meters of approval-rules (names are dotted; a Prometheus registry writes {@code _} and units):
 * <ul>
 * <li>{@code approval.rules.cases} (counter; tag {@code locality}) — cases evaluated;</li>
 * <li>{@code approval.rules.findings} (counter; tags {@code locality}, {@code rule}, {@code severity}) — findings
 * reported;</li>
 * <li>{@code approval.rules.evaluation} (timer; tags {@code locality}, {@code outcome} = success|error) — time
 * of one evaluation call (a batch is one call);</li>
 * <li>{@code approval.rules.reloads} (counter; tags {@code layer}, {@code trigger} = watch|endpoint|api,
 * {@code outcome} = swapped|refused) — reloads.</li>
 * </ul>
 * The registry is looked up at the first event, so the order of auto-configurations does not matter; without
 * a {@link MeterRegistry} bean nothing is recorded.
 */
public class ApprovalRulesMetrics implements ApprovalRulesListener {
    private final ObjectProvider<MeterRegistry> registry;

    public ApprovalRulesMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void evaluated(DivisionCode locality, List<CaseEvaluation> evaluations, long nanos) {
        MeterRegistry r = registry.getIfAvailable();
        if (r == null) {
            return;
        }
        String l = locality.value();
        Counter.builder("approval.rules.cases").description("Cases evaluated / 已评估办件数").tag("locality", l)
                .register(r).increment(evaluations.size());
        for (CaseEvaluation e : evaluations) {
            for (Finding f : e.findings()) {
                Counter.builder("approval.rules.findings").description("Findings reported / 规则发现数")
                        .tags("locality", l, "rule", f.ruleId(), "severity", f.severity().name()).register(r).increment();
            }
        }
        timer(r, l, "success").record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(DivisionCode locality, RuntimeException error, long nanos) {
        MeterRegistry r = registry.getIfAvailable();
        if (r != null) {
            timer(r, locality == null ? "unknown" : locality.value(), "error").record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void reloaded(ReloadOutcome outcome) {
        MeterRegistry r = registry.getIfAvailable();
        if (r != null) {
            Counter.builder("approval.rules.reloads").description("Pack reloads / 规则包重新加载次数")
                    .tags("layer", outcome.layer().value(), "trigger", outcome.trigger().name().toLowerCase(java.util.Locale.ROOT),
                            "outcome", outcome.swapped() ? "swapped" : "refused")
                    .register(r).increment();
        }
    }

    private static Timer timer(MeterRegistry r, String locality, String outcome) {
        return Timer.builder("approval.rules.evaluation").description("Time of one evaluation call / 一次评估耗时")
                .tags("locality", locality, "outcome", outcome).register(r);
    }
}
