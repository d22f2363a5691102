package org.approvalrules.cli.demo;

import org.approvalrules.cli.command.DeadlineJson;

import org.approvalrules.ApprovalRules;
import org.approvalrules.core.rules.EntryPointAccess;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseEvaluation;

/**
 * Rule packs through the {@link ApprovalRules} facade: the same cases under the national pack and under
 * the example Guangxi county pack (its parameters, office hours and 三月三 calendar layer change the deadlines),
 * and the county's rule that asks the rules' {@code calendar} whether a case was accepted on a local holiday.
 */
public final class RulesDemo implements DemoSection {
    private static final DivisionCode COUNTY = DivisionCode.parse("451031");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public String title() {
        return "地方规则包 / locality rule packs (Drools)";
    }

    @Override
    public void run(PrintWriter out) {
        Instant asOf = Instant.parse("2024-10-21T02:00:00Z");
        Path packs = examplePacks();
        List<DeadlineInput> cases = List.of(
                DeadlineInput.builder("DEMO-1", LocalDateTime.parse("2024-09-27T10:30"), TimeLimit.workingDays(20))
                        .promised(TimeLimit.workingDays(10)).build(),
                DeadlineInput.builder("DEMO-2", LocalDateTime.parse("2024-10-08T13:00"), TimeLimit.workingDays(20))
                        .promised(TimeLimit.workingDays(15)).build(),
                DeadlineInput.builder("DEMO-3", LocalDateTime.parse("2024-09-23T09:30"), TimeLimit.workingDays(20))
                        .promised(TimeLimit.workingDays(10)).correctionNotice(LocalDateTime.parse("2024-10-09T09:00")).build(),
                DeadlineInput.builder("DEMO-4", LocalDateTime.parse("2024-10-16T17:30"), TimeLimit.workingDays(20))
                        .promised(TimeLimit.workingDays(5)).build());
        try (ApprovalRules national = ApprovalRules.builder().build()) {
            print(out, "全国包 / national pack", national.evaluate(COUNTY, cases, asOf));
        }
        if (Files.isDirectory(packs.resolve("451031"))) {
            try (ApprovalRules county = ApprovalRules.builder().packs(packs).build()) {
                print(out, "示例县包 / example county pack " + EntryPointAccess.snapshot(county, COUNTY).ruleSet().pack().path()
                        + "（县参数、县办公时间、县 Excel 决策表、三月三日历层 / county parameters, office hours, "
                        + "an Excel decision table, 三月三 calendar layer）",
                        county.evaluate(COUNTY, cases, asOf));
                DeadlineInput onHoliday = DeadlineInput.builder("DEMO-5", LocalDateTime.parse("2024-04-11T10:30"),
                        TimeLimit.workingDays(20)).promised(TimeLimit.workingDays(10)).build();
                print(out, "县规则调用 calendar：壮族三月三受理 / a county rule calling calendar: accepted on 壮族三月三",
                        county.evaluate(COUNTY, List.of(onHoliday), Instant.parse("2024-04-18T02:00:00Z")));
            }
        }
    }

    private static void print(PrintWriter out, String title, List<CaseEvaluation> evaluations) {
        out.println("   " + title + ":");
        for (CaseEvaluation e : evaluations) {
            LimitResult g = e.deadline().governing();
            out.printf("     %s 起算基准/counting base %s 截止/due %s 剩余/remaining %d → %s   (日历/calendar %s, 规则/rules %s)%n",
                    e.caseId(), e.deadline().countingBase(), DeadlineJson.instant(g.dueInstant(), ZONE),
                    g.remainingWorkingDays(), e.status(), e.calendarVersion(), e.ruleSetVersion());
            for (Finding f : e.findings()) {
                out.printf("       [%s] %s 层/layer %s: %s%n         依据/reference: %s%s%n", f.severity(), f.ruleId(), f.layer(),
                        f.message(), f.legalReference(), f.parameters().isEmpty() ? "" : "  参数/parameters " + f.parameters());
            }
        }
    }

    /** {@code examples/packs} of the checkout the CLI was built in (or of the current directory). */
    static Path examplePacks() {
        try {
            Path jar = Path.of(RulesDemo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            root = root == null ? null : root.getParent();
            if (root != null && Files.isDirectory(root.resolve("examples/packs"))) {
                return root.resolve("examples/packs");
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("examples/packs");
    }
}
