package org.approvalrules.spring.boot.autoconfigure;

import org.approvalrules.api.ApprovalRulesException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that failed on approval-rules configuration (a malformed pack or calendar layer, a
 * setting the entry point refused): the library's message already names file, line, field and value.
 */
public class ApprovalRulesFailureAnalyzer extends AbstractFailureAnalyzer<ApprovalRulesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ApprovalRulesException cause) {
        if (findCause(rootFailure, BindException.class) != null) {
            return null; // a property's value: Spring Boot's analysis names the property, the value and this reason
        }
        return new FailureAnalysis(
                "approval-rules 无法启动 / approval-rules could not start: " + cause.getMessage(),
                "修正所指文件或 approval-rules.* 设置（见 docs/RULE-PACKS.md、docs/SPRING-BOOT.md） / fix the file or the "
                        + "approval-rules.* property named above (docs/RULE-PACKS.md, docs/SPRING-BOOT.md)",
                cause);
    }
}
