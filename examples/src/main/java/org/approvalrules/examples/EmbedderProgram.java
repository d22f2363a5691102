package org.approvalrules.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.AuthorizationReport;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.ChiefRepresentative;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.authorization.WindowSchedule;
import org.approvalrules.api.authorization.WindowSchedule.WeeklyPattern;
import org.approvalrules.api.authorization.WindowStaffing;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.money.Money;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.core.json.FindingsJson;

/**
 * An embedder's program: one entry point ({@link ApprovalRules}), one locality snapshot, four domains —
 * a case's deadline, a fee audit, a window-authorization check and an intake-log scan — every finding
 * printed in the common JSON shape (docs/FINDINGS.md), one line per domain:
 * {@code {"domain": "...", "findings": [...]}}. Every finding carries the same rule-set and calendar
 * versions, those of the snapshot. Only {@code org.approvalrules.api} types and the entry point are used
 * (plus the library's findings JSON writer). Run by the build ({@code EmbedderProgramTest}).
 *
 * <p>Usage: {@code EmbedderProgram [packs dir]} (default {@code packs}, the example county pack).
 */
public final class EmbedderProgram {
    /** The example county (隆林各族自治县). */
    static final DivisionCode COUNTY = DivisionCode.parse("451031");

    private EmbedderProgram() {
    }

    /** Runs the four checks with the packs of {@code args[0]} (default {@code packs}) and prints their findings. */
    public static void main(String[] args) {
        Path packs = Path.of(args.length > 0 ? args[0] : "packs");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        run(packs).forEach((domain, findings) -> {
            ObjectNode line = FindingsJson.mapper().createObjectNode();
            line.put("domain", domain);
            line.set("findings", FindingsJson.toJson(findings));
            out.println(line);
        });
    }

    /** The findings of each domain, in the order deadline, fees, authorization, intake. */
    static Map<String, List<Finding>> run(Path packs) {
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        try (ApprovalRules rules = ApprovalRules.builder().packs(packs).build()) {
            ApprovalRules.Locality county = rules.locality(COUNTY);   // one snapshot: calendar, parameters, rules

            // 1. a deadline: a case accepted 2024-09-27, promised in 10 working days, still open on 2024-10-30
            CaseEvaluation e = county.evaluate(lateCase(), ITEM, Instant.parse("2024-10-30T01:00:00Z"));
            out.put("deadline", e.findings());

            // 2. a fee audit: 80 yuan charged where 100 are due (3 certificates)
            FeeRequest request = FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, 3),
                    LocalDate.of(2024, 5, 6));
            out.put("fees", county.checkFees(List.of(new FeeCheck("451031-2024-000456", ITEM,
                    FeeCharge.of(request.standardId(), Money.yuan(80)), request, AcceptanceChannel.CENTRE_WINDOW))));

            // 3. an authorization check of September 2024
            AuthorizationReport a = county.checkAuthorization(tables(), LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30));
            out.put("authorization", a.findings());

            // 4. an intake scan, record by record (a log of any size streams through it)
            IntakeScan scan = county.scanIntake(List.of(new ItemMove(ITEM.implementationCode(), LocalDate.of(2024, 1, 1), true)));
            for (IntakeRecord r : intakeLog()) {
                scan.add(r);
            }
            out.put("intake", scan.finish());
        }
        return out;
    }

    static final ServiceItem ITEM = ServiceItem.builder("11451031MB1234567X4000117004000", "不动产首次登记")
            .basicCode("000117004000").department("县自然资源局").statutoryLimit(TimeLimit.workingDays(20))
            .promisedLimit(TimeLimit.workingDays(10)).fee("发改价格规〔2016〕2559号").inCentreSince(LocalDate.of(2018, 1, 1))
            .build();

    private static final ApplicantId APPLICANT = ApplicantId.residentId("11010519491231002X");

    private static ApprovalCase lateCase() {
        LocalDateTime accepted = LocalDateTime.parse("2024-09-27T10:30");
        return ApprovalCase.builder("451031-2024-000123").itemCode(ITEM.implementationCode()).locality(COUNTY)
                .applicant(APPLICANT).applied(accepted.minusDays(1))
                .accepted(accepted, "县政务服务中心", "张三", AcceptanceChannel.CENTRE_WINDOW).build();
    }

    /** 县市场监管局: 10 items, 7 with the approval power delegated; its chief representative is not full time. */
    private static AuthorizationTables tables() {
        List<WindowAuthorization> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Set<Power> powers = EnumSet.allOf(Power.class);
            if (i >= 7) {
                powers.remove(Power.APPROVAL);
            }
            items.add(new WindowAuthorization("县市场监管局", "MA-" + i, powers, "县市监发〔2024〕1号", LocalDate.of(2024, 1, 1)));
        }
        ChiefRepresentative chief = new ChiefRepresentative("县市场监管局", "王五", Optional.empty(), "县市监发〔2024〕2号",
                LocalDate.of(2024, 1, 1), true, false);
        WindowSchedule weekdays = WindowSchedule.of("县市场监管局",
                WeeklyPattern.weekdays(LocalDate.of(2024, 1, 1), WindowStaffing.FULL_DAY));
        return new AuthorizationTables(items, List.of(chief), List.of(), List.of(weekdays));
    }

    /** The same applicant accepted at the department and, 12 days later, at the centre. */
    private static List<IntakeRecord> intakeLog() {
        return List.of(
                IntakeRecord.of("451031-2024-000201", ITEM.implementationCode(), APPLICANT, AcceptanceChannel.CENTRE_WINDOW,
                        LocalDateTime.parse("2024-02-10T09:00")),
                IntakeRecord.of("451031-2024-000188", ITEM.implementationCode(), APPLICANT, AcceptanceChannel.DEPARTMENT,
                        LocalDateTime.parse("2024-01-29T15:00")));
    }
}
