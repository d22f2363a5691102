package org.approvalrules.examples;

import java.nio.file.Path;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.rules.CaseEvaluation;

/**
 * The "Embedding" snippet of the README, as compiled code: the lines between the markers are the
 * README's, word for word ({@code EmbeddingSnippetTest} checks it).
 */
public final class EmbeddingSnippet {
    private EmbeddingSnippet() {
    }

    /** Evaluates one case with the packs of {@code packsDir}. */
    public static CaseEvaluation evaluate(Path packsDir, ApprovalCase approvalCase, ServiceItem serviceItem) {
        // README:begin
        try (ApprovalRules rules = ApprovalRules.builder()
                .packs(packsDir)               // optional: without it, the bundled national pack
                .build()) {                    // build once and share it: thread-safe, rules compiled once
            CaseEvaluation e = rules.evaluate(approvalCase, serviceItem);   // as of the clock (or pass an Instant)
            e.deadline().governing().dueDate();   // on the locality's calendar, with its parameters
            e.status();                           // ON_TRACK, YELLOW, RED, PAUSED, COMPLETED_…
            e.findings();                         // rule id, layer, legal reference, rule-set version
            return e;
        }
        // README:end
    }
}
