package org.approvalrules.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.core.json.FindingsJson;

/**
 * A supervision run made of objects from a seed: departments, each domain's rows and the findings, written as
 * summary.json (the contract of docs/REPORT.md, by Jackson from these objects) and findings.jsonl
 * (FindingsJson). The summary's finding counts are computed from the findings made here, so the two files agree
 * unless a test changes one of them.
 */
final class ReportFixture {
    private static final ObjectMapper MAPPER = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    record Department(String code, String name) {
    }

    record Deadline(String department, long onTrack, long yellow, long red, long decided, Long paused, Long decidedLate) {
    }

    record Kpi(String department, String kpi, String labelZh, String labelEn, Double value, Double target, Boolean met,
            Long numerator, Long denominator) {
    }

    record Authorization(String department, String power, long numerator, long denominator, Double rate, Double target,
            List<String> missing) {
    }

    record Intake(String rule, String item, String department, long count) {
    }

    record Fee(String rule, String department, long count, String amountYuan) {
    }

    record Completeness(String rule, String department, long count, String detail) {
    }

    record Catalogue(String rule, String department, String measure, long count) {
    }

    record NotChecked(String domain, String reasonZh, String reasonEn) {
    }

    static final String RULE_SET = "e56850b89b02c7b1";
    static final String CALENDAR = "2651af138bed8d51";
    static final List<String> RULES = List.of("deadline.red.promised", "deadline.yellow.promised",
            "authorization.power-rate-below-target", "intake.two-end", "fee.exemption-not-granted",
            "completeness.case-number-gap");

    final List<Department> departments = new ArrayList<>();
    final List<Deadline> deadlines = new ArrayList<>();
    final List<Kpi> kpis = new ArrayList<>();
    final List<Authorization> authorization = new ArrayList<>();
    final List<Intake> intake = new ArrayList<>();
    final List<Fee> fees = new ArrayList<>();
    final List<Completeness> completeness = new ArrayList<>();
    final List<Catalogue> catalogue = new ArrayList<>();
    final List<NotChecked> notChecked = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final Map<String, Long> records = new LinkedHashMap<>();
    final Map<String, Long> rejectsByFile = new LinkedHashMap<>();
    boolean complete = true;

    /** A county with {@code departments} departments and {@code findings} findings, all domains checked. */
    static ReportFixture random(long seed, int departmentCount, int findingCount) {
        Random r = new Random(seed);
        ReportFixture f = new ReportFixture();
        String[] names = {"县市场监督管理局", "县卫生健康局", "县自然资源局", "县住房和城乡建设局", "县公安局", "县水利局",
            "县交通运输局", "县民政局"};
        for (int i = 0; i < departmentCount; i++) {
            f.departments.add(new Department(String.format("D%02d", i + 1), names[i % names.length]));
        }
        for (Department d : f.departments) {
            long decided = r.nextInt(3000);
            f.deadlines.add(new Deadline(d.code(), r.nextInt(400), r.nextInt(30), r.nextInt(12), decided, (long) r.nextInt(9),
                    (long) r.nextInt((int) decided / 10 + 1)));
        }
        List<String> kpiDepartments = new ArrayList<>(List.of("*"));
        f.departments.forEach(d -> kpiDepartments.add(d.code()));
        for (String dept : kpiDepartments) {
            long den = 50 + r.nextInt(2000);
            long num = den - r.nextInt((int) Math.min(den, 40));
            double target = 1.0;
            f.kpis.add(new Kpi(dept, "on-time-rate", "按时办结率", "on-time rate", (double) num / den, target,
                    num >= den, num, den));
            long den2 = r.nextInt(3) == 0 ? 0 : 10 + r.nextInt(200);
            long num2 = den2 == 0 ? 0 : den2 - r.nextInt((int) Math.min(den2, 5));
            f.kpis.add(new Kpi(dept, "same-day-rate", "即办件当场办结率", "same-day rate of immediate items",
                    den2 == 0 ? null : (double) num2 / den2, 0.9, den2 == 0 ? null : (double) num2 / den2 >= 0.9,
                    num2, den2));
            // a quantity with numerator (working days used) and denominator (cases), as supervise writes it
            long cases = 20 + r.nextInt(300);
            long days = cases + r.nextInt((int) cases * 11);
            f.kpis.add(new Kpi(dept, "mean-working-days", "平均办理工作日", "mean working days used", (double) days / cases,
                    8.0, (double) days / cases <= 8.0, days, cases));
            double p90 = 1 + r.nextInt(15);
            f.kpis.add(new Kpi(dept, "p90-used", "办理用时P90", "p90 working days used", p90, 10.0, p90 <= 10.0, null, null));
        }
        for (Department d : f.departments) {
            for (Power p : List.of(Power.ACCEPTANCE, Power.APPROVAL)) {
                long den = 2 + r.nextInt(20);
                long num = r.nextInt((int) den + 1);
                List<String> missing = new ArrayList<>();
                for (long i = num; i < den; i++) {
                    missing.add(String.format("11451031MB%07dX%014d", r.nextInt(10_000_000), i));
                }
                f.authorization.add(new Authorization(d.code(), p.name(), num, den, (double) num / den,
                        p == Power.APPROVAL ? 0.8 : 1.0, missing));
            }
        }
        for (int i = 0; i < 40; i++) {
            Department d = f.departments.get(r.nextInt(f.departments.size()));
            f.intake.add(new Intake("intake.two-end", String.format("11451031MB1234567X40001110%05d", i), d.code(),
                    1 + r.nextInt(50)));
        }
        for (Department d : f.departments.subList(0, Math.min(3, f.departments.size()))) {
            f.fees.add(new Fee("fee.exemption-not-granted", d.code(), 1 + r.nextInt(9),
                    BigDecimal.valueOf(r.nextInt(100_000), 2).toPlainString()));
        }
        for (Department d : f.departments.subList(0, Math.min(2, f.departments.size()))) {
            f.catalogue.add(new Catalogue("catalogue.steps-above-cap", d.code(), "STEPS", 1));
            f.catalogue.add(new Catalogue("catalogue.promised-above-half", d.code(), "PROMISED_LIMIT", 1 + r.nextInt(6)));
        }
        Department gap = f.departments.get(0);
        f.completeness.add(new Completeness("completeness.case-number-gap", gap.code(), 3, "2026-000117…119"));
        f.completeness.add(new Completeness("completeness.result-without-case", gap.code(), 1, "R-2026-0042"));
        for (int i = 0; i < findingCount; i++) {
            Department d = f.departments.get(r.nextInt(f.departments.size()));
            String rule = RULES.get(r.nextInt(RULES.size()));
            Severity sev = Severity.values()[r.nextInt(3)];
            f.findings.add(new Finding(rule, sev, String.format("2026-%06d", i + 1),
                    BilingualText.of("办件 2026-" + i + " 超过承诺时限" + (i % 7) + "个工作日",
                            "past the promised due date by " + (i % 7) + " working days"),
                    "行政许可法第四十二条", "000000", RULE_SET, CALENDAR, Map.of("deadline.yellow.remaining-working-days", "3"),
                    Map.of("department", d.code(), "days", Integer.toString(i % 7))));
        }
        f.records.put("items.csv", 100L);
        f.records.put("cases.csv", 10_000L + r.nextInt(5000));
        f.records.put("events.csv", 50_000L + r.nextInt(5000));
        return f;
    }

    /** Leaves {@code domain} unchecked (its rows removed), with a reason. */
    ReportFixture notChecked(String domain, String reasonZh, String reasonEn) {
        notChecked.add(new NotChecked(domain, reasonZh, reasonEn));
        switch (domain) {
            case "fees" -> fees.clear();
            case "intake" -> intake.clear();
            case "authorization" -> authorization.clear();
            default -> {
                if (!domain.contains(".")) {
                    throw new IllegalArgumentException(domain);
                }
            }
        }
        return this;
    }

    /** Rejects {@code n} lines of {@code file}, which makes the run incomplete. */
    ReportFixture rejects(String file, long n) {
        rejectsByFile.merge(file, n, Long::sum);
        complete = false;
        return this;
    }

    String departmentName(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst().map(Department::name).orElseThrow();
    }

    /** summary.json as the contract shapes it, from these objects; a domain not checked has no array. */
    ObjectNode summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("locality", "451031");
        s.put("asOf", "2026-10-20T12:00:00+08:00");
        s.put("ruleSetVersion", RULE_SET);
        s.put("calendarVersion", CALENDAR);
        s.put("complete", complete);
        long rejected = rejectsByFile.values().stream().mapToLong(Long::longValue).sum();
        s.put("rejects", Map.of("total", rejected, "file", "rejects.csv", "byFile", rejectsByFile));
        s.put("records", records);
        s.put("notChecked", notChecked);
        Map<String, Long> bySeverity = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        for (Severity sev : Severity.values()) {
            bySeverity.put(sev.name(), 0L);
        }
        for (Finding f : findings) {
            bySeverity.merge(f.severity().name(), 1L, Long::sum);
            byRule.merge(f.ruleId(), 1L, Long::sum);
        }
        s.put("findings", Map.of("total", (long) findings.size(), "bySeverity", bySeverity, "byRule", byRule));
        s.put("departments", departments);
        s.put("deadlines", deadlines);
        s.put("kpis", kpis);
        Set<String> skipped = new java.util.HashSet<>();
        notChecked.forEach(n -> skipped.add(n.domain()));
        if (!skipped.contains("authorization")) {
            s.put("authorization", authorization);
        }
        if (!skipped.contains("intake")) {
            s.put("intake", intake);
        }
        if (!skipped.contains("fees")) {
            s.put("fees", fees);
        }
        s.put("completeness", completeness);
        s.put("catalogue", catalogue);
        return MAPPER.valueToTree(s);
    }

    /** Writes summary.json and findings.jsonl into {@code dir}. */
    void write(Path dir) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary());
        try (Writer w = Files.newBufferedWriter(dir.resolve("findings.jsonl"), StandardCharsets.UTF_8)) {
            for (Finding f : findings) {
                w.write(FindingsJson.line(f));
                w.write('\n');
            }
        }
    }
}
