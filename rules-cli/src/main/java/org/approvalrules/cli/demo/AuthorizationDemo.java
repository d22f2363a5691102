package org.approvalrules.cli.demo;

import org.approvalrules.cli.command.AuthorizationCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.AuthorizationReport;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.core.authorization.AuthorizationCsv;

/**
 * Demo: a county centre's sample tables (bundled under {@code org/approvalrules/cli/demo/authorization/}) over
 * 2024-09-09..09-20, which contains the working Saturday 09-14 (中秋节调休): a rate below target, a
 * missing chief representative, windows closed or half-staffed on working days, and an approval signed
 * back at the department (回局签批).
 */
public final class AuthorizationDemo implements DemoSection {
    static final String BASE = "org/approvalrules/cli/demo/authorization/";
    static final DivisionCode COUNTY = DivisionCode.parse("451031");

    @Override
    public String title() {
        return "窗口授权 / window authorization (两集中、两到位)";
    }

    public static byte[] resource(String name) {
        try (InputStream in = AuthorizationDemo.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new DataFormatException(BASE + name, 0, null, null, "资源不存在 / resource missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataFormatException(BASE + name, 0, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
        }
    }

    /** The bundled sample tables. */
    static AuthorizationTables sample() {
        return new AuthorizationTables(AuthorizationCsv.authorizations("authorizations.csv", resource("authorizations.csv")),
                AuthorizationCsv.chiefs("chiefs.csv", resource("chiefs.csv")),
                AuthorizationCsv.persons("persons.csv", resource("persons.csv")),
                AuthorizationCsv.schedules("schedule.csv", resource("schedule.csv")));
    }

    /** A food-business licence case whose approval the bureau director signed, and whose certificate the window made. */
    static ApprovalCase signedAtTheBureau() {
        LocalDateTime accepted = LocalDateTime.parse("2024-09-10T09:30");
        return ApprovalCase.builder("DEMO-2024-0910").itemCode("MA-001").locality(COUNTY)
                .applicant(ApplicantId.parse("11010519491231002X"))
                .applied(accepted).accepted(accepted, "县政务服务中心市场监管局窗口", "李四", AcceptanceChannel.CENTRE_WINDOW)
                .step("审核", "李四", accepted, LocalDateTime.parse("2024-09-11T16:00"), Power.REVIEW)
                .step("审批", "局长王某", LocalDateTime.parse("2024-09-12T09:00"), LocalDateTime.parse("2024-09-13T11:00"), Power.APPROVAL)
                .step("制证", "张三", LocalDateTime.parse("2024-09-13T14:00"), LocalDateTime.parse("2024-09-13T15:00"), Power.CERTIFICATION)
                .build();
    }

    @Override
    public void run(PrintWriter out) {
        AuthorizationTables tables = sample();
        try (ApprovalRules rules = ApprovalRules.builder().coverage(CoveragePolicy.STRICT).build()) {
            run(out, rules.locality(COUNTY), tables);
        }
    }

    private static void run(PrintWriter out, ApprovalRules.Locality county, AuthorizationTables tables) {
        WorkingCalendar cal = county.calendar();
        AuthorizationReport r = county.checkAuthorization(tables, LocalDate.of(2024, 9, 9), LocalDate.of(2024, 9, 20));
        List<Finding> findings = new ArrayList<>(r.findings());
        findings.addAll(county.checkSignatures(signedAtTheBureau(), tables));
        out.println("   示例授权表、首席代表、授权人员、办公安排（3个部门8个事项），期间含 2024-09-14（周六，中秋节调休上班）；");
        out.println("   办件 DEMO-2024-0910 的审批环节由局长签批（回局签批）");
        out.println("   sample tables of 3 departments and 8 items; the period has the working Saturday 2024-09-14;");
        out.println("   case DEMO-2024-0910's approval was signed by the bureau director, not a window person");
        java.io.StringWriter buf = new java.io.StringWriter();
        AuthorizationCommand.printText(new PrintWriter(buf, true), COUNTY, county.ruleSetVersion(), cal, r, findings, true, true);
        for (String line : buf.toString().split("\n")) {
            out.println("   " + line);
        }
    }
}
