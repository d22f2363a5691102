package org.approvalrules.spring.boot.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.ApprovalRules;

/**
 * The evaluations of the {@link ApprovalRules} bean with a default locality, and their failures told to every
 * {@link ApprovalRulesListener} (successful evaluations reach the listeners from the entry point itself, however
 * they are called: the Micrometer metrics count cases evaluated, findings by rule id and severity, evaluation time). Same arguments,
 * results and exceptions as the entry point's methods of the same name; a case without a locality is
 * evaluated in {@code approval-rules.default-locality}. Thread-safe.
 */
public class MeteredApprovalRules {
    private final ApprovalRules rules;
    private final DivisionCode defaultLocality;
    private final List<ApprovalRulesListener> listeners;
    private final ApprovalRulesReloader reloader;

    public MeteredApprovalRules(ApprovalRules rules, DivisionCode defaultLocality, List<ApprovalRulesListener> listeners,
            ApprovalRulesReloader reloader) {
        this.rules = rules;
        this.defaultLocality = defaultLocality;
        this.listeners = List.copyOf(listeners);
        this.reloader = reloader;
    }

    /** The entry point these evaluations go to. */
    public ApprovalRules rules() {
        return rules;
    }

    /** The locality of cases that name none ({@code approval-rules.default-locality}). */
    public DivisionCode defaultLocality() {
        return defaultLocality;
    }

    /** A case as of now (the application clock). */
    public CaseEvaluation evaluate(ApprovalCase approvalCase, ServiceItem item) {
        InvalidValueException.requireNonNull(approvalCase, "case");
        return timed(approvalCase.locality(), () -> List.of(rules.evaluate(approvalCase, item))).get(0);
    }

    /** A case as of {@code asOf}. */
    public CaseEvaluation evaluate(ApprovalCase approvalCase, ServiceItem item, Instant asOf) {
        InvalidValueException.requireNonNull(approvalCase, "case");
        return timed(approvalCase.locality(), () -> List.of(rules.evaluate(approvalCase, item, asOf))).get(0);
    }

    /** A batch of one locality ({@code null}: the default locality) as of {@code asOf}, results in input order. */
    public List<CaseEvaluation> evaluate(DivisionCode locality, List<DeadlineInput> cases, Instant asOf) {
        DivisionCode l = locality != null ? locality : defaultLocality;
        return timed(l, () -> rules.evaluate(l, cases, asOf));
    }

    /** One case of {@code locality} ({@code null}: the case's own locality, else the default one) as of {@code asOf}. */
    public CaseEvaluation evaluate(DivisionCode locality, DeadlineInput input, Instant asOf) {
        InvalidValueException.requireNonNull(input, "case");
        DivisionCode l = locality != null ? locality : input.locality().orElse(defaultLocality);
        return evaluate(l, List.of(input), asOf).get(0);
    }

    private List<CaseEvaluation> timed(DivisionCode locality, Supplier<List<CaseEvaluation>> evaluation) {
        long start = System.nanoTime();
        List<CaseEvaluation> out;
        try {
            out = evaluation.get();
        } catch (RuntimeException e) {
            long nanos = System.nanoTime() - start;
            if (e instanceof RulePackException && locality != null) {
                reloader.seen(locality); // health reports the locality whose pack cannot be used
            }
            Listeners.tell(listeners, l -> l.failed(locality, e, nanos));
            throw e;
        }
        if (locality != null) {
            reloader.seen(locality);
        }
        // the evaluations themselves reach the listeners from the entry point (ApprovalRules.Listener), so that
        // calls made directly on the ApprovalRules bean are seen too; failures only pass here
        return out;
    }
}
