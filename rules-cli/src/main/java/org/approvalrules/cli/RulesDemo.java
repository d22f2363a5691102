package org.approvalrules.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.rules.DeadlineFacts;
import org.approvalrules.drools.RuleSetRegistry;

/** Rule packs: the same cases under the national pack and under the example Guangxi county pack. */
final class RulesDemo implements DemoSection {
    private static final DivisionCode COUNTY = DivisionCode.parse("451031");

    @Override
    public String title() {
        return "地方规则包 / locality rule packs (Drools)";
    }

    @Override
    public void run(PrintWriter out) {
        Instant asOf = Instant.parse("2024-10-21T02:00:00Z");
        Path packs = examplePacks();
        WorkingCalendar cal = CalendarRepository.bundled().withLayersFrom(packs).calendarFor(COUNTY, CoveragePolicy.STRICT);
        List<CaseFacts> cases = new ArrayList<>();
        cases.add(facts(DeadlineInput.builder("DEMO-1", LocalDateTime.parse("2024-09-27T10:30"), TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(10)).locality(COUNTY).build(), cal, asOf));
        cases.add(facts(DeadlineInput.builder("DEMO-2", LocalDateTime.parse("2024-10-08T13:00"), TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(15)).locality(COUNTY).build(), cal, asOf));
        cases.add(facts(DeadlineInput.builder("DEMO-3", LocalDateTime.parse("2024-09-23T09:30"), TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(10)).correctionNotice(LocalDateTime.parse("2024-10-09T09:00"))
                .locality(COUNTY).build(), cal, asOf));
        for (CaseFacts c : cases) {
            out.printf("   %s 受理/accepted %s 承诺/promised %s 剩余/remaining %d%n", c.caseId(), c.acceptedAt(),
                    c.promisedLimit(), c.promisedRemainingWorkingDays());
        }
        try (RuleSetRegistry national = RuleSetRegistry.bundled()) {
            print(out, "全国包 / national pack", national.evaluate(COUNTY, cases, asOf));
        }
        if (Files.isDirectory(packs.resolve("451031"))) {
            try (RuleSetRegistry county = RuleSetRegistry.directory(packs)) {
                print(out, "示例县包 / example county pack " + county.repository().effective(COUNTY).path(),
                        county.evaluate(COUNTY, cases, asOf));
            }
        }
    }

    private static CaseFacts facts(DeadlineInput in, WorkingCalendar cal, Instant asOf) {
        return DeadlineFacts.of(in, DeadlineEngine.INSTANCE.evaluate(in, cal, DeadlinePolicy.DEFAULT, asOf), cal, COUNTY);
    }

    private static void print(PrintWriter out, String title, List<Finding> findings) {
        out.println("   " + title + ":");
        for (Finding f : findings) {
            out.printf("     [%s] %s %s 层/layer %s 版本/version %s%n       %s%n       依据/reference: %s%s%n", f.severity(),
                    f.subject(), f.ruleId(), f.layer(), f.ruleSetVersion(), f.message(), f.legalReference(),
                    f.parameters().isEmpty() ? "" : "  参数/parameters " + f.parameters());
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
