package org.approvalrules.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.BilingualText;

/**
 * The parts of a run's {@code summary.json} (the contract between {@code supervise} and the report,
 * docs/REPORT.md) the report shows, read strictly: a field of the wrong type is an error naming its path.
 * An array that is absent is {@link Optional#empty()} ("not in the summary"), which the report never shows
 * as an empty chart. Immutable.
 */
record ReportSummary(String locality, String asOf, String ruleSetVersion, String calendarVersion, boolean complete,
        long rejectsTotal, Optional<String> rejectsFile, Map<String, Long> rejectsByFile, Map<String, Long> records,
        List<NotChecked> notChecked, long findingsTotal, Map<String, Long> findingsBySeverity,
        Map<String, Long> findingsByRule, Map<String, String> departments,
        Optional<List<DeadlineRow>> deadlines, Optional<List<KpiRow>> kpis,
        Optional<List<AuthorizationRow>> authorization, Optional<List<CountRow>> intake,
        Optional<List<CountRow>> fees, Optional<List<CountRow>> completeness, Optional<List<CountRow>> catalogue) {

    /** A domain the run did not check, with the reason in both languages. */
    record NotChecked(String domain, String reasonZh, String reasonEn) {
    }

    /** Deadline status of one department's cases ({@code paused} and {@code decidedLate} when the run gives them). */
    record DeadlineRow(String department, long onTrack, long yellow, long red, long decided, Optional<Long> paused,
            Optional<Long> decidedLate) {
    }

    /**
     * One KPI of one department ({@code *}: the whole centre) against its target; {@code label} from the summary's
     * {@code labelZh} and {@code labelEn} (empty when absent).
     */
    record KpiRow(String department, String kpi, BilingualText label, Optional<Double> value,
            Optional<Double> target, Optional<Boolean> met, Optional<Long> numerator, Optional<Long> denominator) {

        /**
         * Whether the KPI {@code kpi} is a rate (numerator over denominator, shown as a percentage) rather than a
         * quantity such as working days: by its id ({@code …-rate}, {@code …-share}: a rate; {@code …days…}: a
         * quantity), else when every row of it has a numerator not above its denominator and no target above 1.
         */
        static boolean isRate(String kpi, List<KpiRow> rows) {
            if (rows.stream().anyMatch(r -> r.numerator.isEmpty() || r.denominator.isEmpty())) {
                return false;
            }
            if (kpi.endsWith("rate") || kpi.endsWith("share")) {
                return true;
            }
            if (kpi.contains("day")) {
                return false;
            }
            return rows.stream().allMatch(r -> r.numerator.get() <= r.denominator.get() && r.target.orElse(0.0) <= 1.0);
        }
    }

    /** Delegation of one power by one department against its target. */
    record AuthorizationRow(String department, String power, long numerator, long denominator,
            Optional<Double> rate, Optional<Double> target, List<String> missing) {
    }

    /**
     * A count of findings of one rule in one department (two-end intake: per item; fees: with an amount;
     * completeness: with a detail such as the missing case numbers; catalogue: per measure).
     */
    record CountRow(String rule, String department, Optional<String> item, long count, Optional<String> amountYuan,
            Optional<String> detail, Optional<String> measure) {
    }

    /** Reads {@code summary} (named {@code file} in errors). */
    static ReportSummary read(JsonNode summary, String file) {
        JsonFields s = JsonFields.of(file, 0, "", summary);
        JsonFields rejects = s.object("rejects");
        JsonFields findings = s.object("findings");
        Map<String, String> departments = new LinkedHashMap<>();
        s.optionalObjects("departments").orElse(List.of())
                .forEach(d -> departments.put(d.text("code"), d.optionalText("name").orElse("")));
        return new ReportSummary(s.text("locality"), s.text("asOf"), s.text("ruleSetVersion"),
                s.text("calendarVersion"), s.bool("complete"), rejects.count("total"), rejects.optionalText("file"),
                rejects.optionalCounts("byFile").orElse(Map.of()), s.optionalCounts("records").orElse(Map.of()),
                s.optionalObjects("notChecked").orElse(List.of()).stream()
                        .map(n -> new NotChecked(n.text("domain"), n.optionalText("reasonZh").orElse(""),
                                n.optionalText("reasonEn").orElse("")))
                        .toList(),
                findings.count("total"), findings.optionalCounts("bySeverity").orElse(Map.of()),
                findings.optionalCounts("byRule").orElse(Map.of()), departments,
                s.optionalObjects("deadlines").map(l -> l.stream()
                        .map(d -> new DeadlineRow(d.text("department"), d.count("onTrack"), d.count("yellow"),
                                d.count("red"), d.count("decided"), d.optionalCount("paused"),
                                d.optionalCount("decidedLate")))
                        .toList()),
                s.optionalObjects("kpis").map(l -> l.stream()
                        .map(k -> new KpiRow(k.text("department"), k.text("kpi"),
                                BilingualText.of(k.optionalText("labelZh").orElse(""), k.optionalText("labelEn").orElse("")),
                                k.optionalNumber("value"), k.optionalNumber("target"), k.optionalBool("met"),
                                k.optionalCount("numerator"), k.optionalCount("denominator")))
                        .toList()),
                s.optionalObjects("authorization").map(l -> l.stream()
                        .map(a -> new AuthorizationRow(a.text("department"), a.text("power"), a.count("numerator"),
                                a.count("denominator"), a.optionalNumber("rate"), a.optionalNumber("target"),
                                a.texts("missing")))
                        .toList()),
                counts(s, "intake"), counts(s, "fees"), counts(s, "completeness"), counts(s, "catalogue"));
    }

    private static Optional<List<CountRow>> counts(JsonFields s, String field) {
        return s.optionalObjects(field).map(l -> l.stream()
                .map(r -> new CountRow(r.text("rule"), r.text("department"), r.optionalText("item"), r.count("count"),
                        field.equals("fees") ? Optional.of(r.money("amountYuan")) : Optional.empty(),
                        r.optionalText("detail"), r.optionalText("measure")))
                .toList());
    }

    /** The department's name and code for a label ({@code *}: the whole centre). */
    String departmentLabel(String code) {
        if (code.equals("*")) {
            return "全中心 / whole centre";
        }
        String name = departments.get(code);
        return name == null || name.isEmpty() ? code : name + " " + code;
    }

    /** The not-checked entry for a report section, if the run did not check that domain. */
    Optional<NotChecked> notChecked(String section) {
        String singular = singular(section);
        return notChecked.stream()
                .filter(n -> n.domain().equalsIgnoreCase(section) || n.domain().equalsIgnoreCase(singular))
                .findFirst();
    }

    /** The parts of a section's domain the run did not check ({@code completeness.results} for completeness). */
    List<NotChecked> partlyNotChecked(String section) {
        String singular = singular(section).toLowerCase(java.util.Locale.ROOT);
        return notChecked.stream().filter(n -> {
            String d = n.domain().toLowerCase(java.util.Locale.ROOT);
            return d.startsWith(section.toLowerCase(java.util.Locale.ROOT) + ".") || d.startsWith(singular + ".");
        }).toList();
    }

    private static String singular(String section) {
        return section.endsWith("s") ? section.substring(0, section.length() - 1) : section;
    }
}
