package org.approvalrules.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.core.report.BarChart.Bar;
import org.approvalrules.core.report.BarChart.Legend;
import org.approvalrules.core.report.BarChart.Num;
import org.approvalrules.core.report.BarChart.Row;
import org.approvalrules.core.report.ReportSummary.AuthorizationRow;
import org.approvalrules.core.report.ReportSummary.CountRow;
import org.approvalrules.core.report.ReportSummary.DeadlineRow;
import org.approvalrules.core.report.ReportSummary.KpiRow;
import org.approvalrules.core.report.ReportSummary.NotChecked;

/**
 * Writes {@code report.html}, the page a department head reads, from a supervision run's {@code summary.json}
 * and {@code findings.jsonl} (docs/REPORT.md): one self-contained file — inline CSS, inline SVG charts drawn
 * here, one small inline script (filters, sorting), a Content-Security-Policy that allows nothing else — with
 * Chinese labels first and English alongside. A headline (complete or 不完整 / INCOMPLETE, versions, as-of,
 * records and rejects), one chart per domain (deadline status, KPIs, authorization rates, two-end intake,
 * fees, data completeness; a domain the run did not check is shown as 未检查 / not checked with its reason,
 * never as an empty chart), then the findings with their evidence, at most {@link Limits#tableRows()} of them
 * (the most severe first; the counts of all are shown), so a run with a million findings still makes a
 * page of a few megabytes. Every value from the files is masked and escaped. Stateless and thread-safe.
 */
public final class HtmlReport {

    /**
     * How much the page shows.
     *
     * @param tableRows the most findings in the table (the most severe first)
     * @param chartRows the most rows in a chart of counts (two-end intake, fees, completeness: largest first)
     */
    public record Limits(int tableRows, int chartRows) {
        /** 5,000 findings in the table, 30 rows per chart of counts. */
        public static final Limits DEFAULT = new Limits(5_000, 30);

        public Limits {
            if (tableRows < 1 || tableRows > 1_000_000) {
                throw new IllegalArgumentException("tableRows must be 1..1000000, was " + tableRows);
            }
            if (chartRows < 1 || chartRows > 10_000) {
                throw new IllegalArgumentException("chartRows must be 1..10000, was " + chartRows);
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
            + sha256(SCRIPT) + "'";
    private static final List<Legend> TARGET_LEGEND = List.of(new Legend("met", "达标 met"),
            new Legend("notmet", "未达标 not met"), new Legend("targetmark", "目标 target"));
    private static final Map<Severity, String> SEVERITY = Map.of(Severity.RED, "红牌 / RED", Severity.YELLOW,
            "黄牌 / YELLOW", Severity.INFO, "提示 / INFO");

    private HtmlReport() {
    }

    /** Writes {@code reportHtml} from the two files of a run, with {@link Limits#DEFAULT}. */
    public static void write(Path summaryJson, Path findingsJsonl, Path reportHtml) {
        write(summaryJson, findingsJsonl, reportHtml, Limits.DEFAULT);
    }

    /**
     * Writes {@code reportHtml} from the two files of a run. The page is written to a temporary file beside it
     * and moved into place, so a failed run never leaves half a report.
     *
     * @throws DataFormatException when a file is missing or unreadable, summary.json is not the contract's
     *     shape (the field's path is named), or a line of findings.jsonl is not a finding (its line is named)
     * @throws UncheckedIOException when the report cannot be written
     */
    public static void write(Path summaryJson, Path findingsJsonl, Path reportHtml, Limits limits) {
        JsonNode summary;
        try (InputStream in = open(summaryJson)) {
            summary = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DataFormatException(summaryJson.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    null, null, "不是有效的 JSON / not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(summaryJson, e);
        }
        ReportSummary s = ReportSummary.read(summary, summaryJson.toString());
        FindingsDigest digest = new FindingsDigest(s, limits.tableRows());
        try (InputStream in = open(findingsJsonl);
                BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in,
                        StandardCharsets.UTF_8.newDecoder()))) {
            digest.addAll(r, findingsJsonl.toString());
        } catch (IOException e) {
            throw unreadable(findingsJsonl, e);
        } catch (UncheckedIOException e) {
            throw unreadable(findingsJsonl, e.getCause());
        }
        writeAtomically(reportHtml, w -> render(s, digest, limits, w));
    }

    /**
     * Writes the report to {@code out} from a summary (the summary.json contract) and the run's findings, in
     * any number: only {@link Limits#tableRows()} are kept. {@code summaryName} names the summary in errors.
     */
    public static void write(JsonNode summary, String summaryName, Iterator<Finding> findings, Writer out,
            Limits limits) {
        ReportSummary s = ReportSummary.read(summary, summaryName);
        FindingsDigest digest = new FindingsDigest(s, limits.tableRows());
        while (findings.hasNext()) {
            digest.add(findings.next(), 0);
        }
        render(s, digest, limits, out);
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file.toString(), 0, null, null, "是目录而不是文件 / is a directory, not a file");
        }
        return Files.newInputStream(file);
    }

    private static DataFormatException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataFormatException(file.toString(), 0, null, null, "文件不存在 / file not found");
        }
        if (e instanceof AccessDeniedException) {
            return new DataFormatException(file.toString(), 0, null, null, "无权读取 / permission denied");
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return new DataFormatException(file.toString(), 0, "encoding", null,
                    "文件不是有效的 UTF-8 / the file is not valid UTF-8");
        }
        return new DataFormatException(file.toString(), 0, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
    }

    private static void writeAtomically(Path target, java.util.function.Consumer<Writer> body) {
        Path dir = target.toAbsolutePath().getParent();
        // beside the target, created as any new file (the umask's permissions, not createTempFile's owner-only)
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    body.accept(w);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("报告无法写入 / cannot write the report " + target + ": " + e.getMessage(), e);
        }
    }

    // ---- the page ----

    private static void render(ReportSummary s, FindingsDigest d, Limits limits, Writer w) {
        HtmlOut out = new HtmlOut(w);
        boolean incomplete = !s.complete() || s.rejectsTotal() > 0;
        out.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text((incomplete ? "【不完整 INCOMPLETE】" : "") + "政务服务电子监察报告 / supervision report "
                        + s.locality() + " " + s.asOf()).raw("</title><style>").raw(CSS).raw("</style></head><body>\n");
        headline(out, s, d, incomplete);
        deadlines(out, s);
        kpis(out, s);
        authorization(out, s);
        counts(out, s, "intake", "两头受理 / two-end intake", "按事项和部门 / by item and department", limits,
                r -> r.item().orElse("") + " · " + s.departmentLabel(r.department()));
        counts(out, s, "fees", "收费 / fees", "按规则和部门 / by rule and department", limits,
                r -> r.rule() + " · " + s.departmentLabel(r.department()));
        counts(out, s, "completeness", "数据完整性 / data completeness", "按规则和部门 / by rule and department", limits,
                r -> r.rule() + " · " + s.departmentLabel(r.department()));
        if (s.catalogue().isPresent() || s.notChecked("catalogue").isPresent()) {
            counts(out, s, "catalogue", "事项目录 / catalogue caps", "按规则、指标和部门 / by rule, measure and department",
                    limits, r -> r.measure().map(m -> m + " · ").orElse("") + s.departmentLabel(r.department()));
        }
        findingsTable(out, s, d);
        out.raw("<script>").raw(SCRIPT).raw("</script>\n</body></html>\n");
    }

    private static void headline(HtmlOut out, ReportSummary s, FindingsDigest d, boolean incomplete) {
        out.raw("<header><h1>政务服务电子监察报告 <span class=\"en\">Supervision report</span> · ").text(s.locality())
                .raw("</h1>\n");
        if (incomplete) {
            out.raw("<div class=\"status incomplete\" id=\"status\" data-complete=\"false\"><strong>不完整 / INCOMPLETE</strong> ");
            if (s.rejectsTotal() > 0) {
                out.raw("<span>").raw(num("/rejects/total", count(s.rejectsTotal()), "count"))
                        .raw(" 条记录被拒绝，未计入 / records rejected and not counted");
                s.rejectsFile().ifPresent(f -> out.raw("（").text(f).raw("）"));
                out.raw("</span> ");
            }
            if (!s.complete()) {
                out.raw("<span>本次运行不完整 / the run reports itself incomplete</span>");
            }
            out.raw("</div>\n");
        } else {
            out.raw("<div class=\"status complete\" id=\"status\" data-complete=\"true\"><strong>完整 / COMPLETE</strong> "
                    + "<span>无被拒记录 / no records rejected</span></div>\n");
        }
        out.raw("<dl class=\"facts\"><dt>截至 / as of</dt><dd id=\"as-of\">").text(s.asOf())
                .raw("</dd><dt>规则集版本 / rule-set version</dt><dd id=\"rule-set-version\">").text(s.ruleSetVersion())
                .raw("</dd><dt>日历版本 / calendar version</dt><dd id=\"calendar-version\">").text(s.calendarVersion())
                .raw("</dd><dt>发现 / findings</dt><dd>").raw(num("/findings/total", count(s.findingsTotal()), "count"));
        for (Severity sev : List.of(Severity.RED, Severity.YELLOW, Severity.INFO)) {
            Long n = s.findingsBySeverity().get(sev.name());
            if (n != null) {
                out.raw(" · ").text(SEVERITY.get(sev)).raw(" ")
                        .raw(num(ptr("findings", "bySeverity", sev.name()), count(n), "count"));
            }
        }
        out.raw("</dd></dl>\n");
        if (!s.notChecked().isEmpty()) {
            out.raw("<div class=\"warning\" id=\"not-checked\"><strong>未检查的领域 / domains not checked</strong><ul>");
            for (NotChecked n : s.notChecked()) {
                out.raw("<li><code>").text(n.domain()).raw("</code>：").text(n.reasonZh()).raw(" / ").text(n.reasonEn())
                        .raw("</li>");
            }
            out.raw("</ul></div>\n");
        }
        List<String> warnings = new ArrayList<>();
        if (d.total() != s.findingsTotal()) {
            warnings.add("findings.jsonl 有 " + count(d.total()) + " 条发现，summary.json 记为 " + count(s.findingsTotal())
                    + " 条，两者不一致 / findings.jsonl holds " + count(d.total()) + " findings, summary.json counts "
                    + count(s.findingsTotal()) + ": they disagree");
        }
        for (Map.Entry<Severity, Long> e : d.bySeverity().entrySet()) {
            Long said = s.findingsBySeverity().get(e.getKey().name());
            if (said != null && said.longValue() != e.getValue()) {
                warnings.add(e.getKey() + ": findings.jsonl " + count(e.getValue()) + ", summary.json " + count(said));
            }
        }
        if (d.otherVersions() > 0) {
            warnings.add(count(d.otherVersions()) + " 条发现的规则集或日历版本与本报告不同（来自另一快照），请复核或重新运行 / "
                    + "findings carry a rule-set or calendar version other than the report's (another snapshot): "
                    + "compare or re-run");
        }
        if (!warnings.isEmpty()) {
            out.raw("<div class=\"warning\" id=\"warnings\"><strong>注意 / attention</strong><ul>");
            warnings.forEach(x -> out.raw("<li>").text(x).raw("</li>"));
            out.raw("</ul></div>\n");
        }
        out.raw("<details class=\"records\" open><summary>记录与拒绝 / records and rejects</summary><table class=\"small\">"
                + "<thead><tr><th>文件 / file</th><th>记录 / records</th><th>拒绝 / rejected</th></tr></thead><tbody>");
        Map<String, Long> files = new LinkedHashMap<>(s.records());
        s.rejectsByFile().keySet().forEach(f -> files.putIfAbsent(f, null));
        files.forEach((file, n) -> {
            out.raw("<tr><td>").text(file).raw("</td><td>")
                    .raw(n == null ? "—" : num(ptr("records", file), count(n), "count")).raw("</td><td>");
            Long rej = s.rejectsByFile().get(file);
            out.raw(rej == null ? "0" : num(ptr("rejects", "byFile", file), count(rej), "count")).raw("</td></tr>");
        });
        out.raw("</tbody></table>");
        if (!s.findingsByRule().isEmpty()) {
            out.raw("<table class=\"small\" id=\"by-rule\"><thead><tr><th>规则 / rule</th><th>发现 / findings</th></tr>"
                    + "</thead><tbody>");
            s.findingsByRule().forEach((rule, n) -> out.raw("<tr><td><code>").text(rule).raw("</code></td><td>")
                    .raw(num(ptr("findings", "byRule", rule), count(n), "count")).raw("</td></tr>"));
            out.raw("</tbody></table>");
        }
        out.raw("</details></header>\n");
    }

    /**
     * Opens the section of {@code key}; returns false (having written "not checked" or "not in the summary")
     * when there is nothing to chart.
     */
    private static boolean section(HtmlOut out, ReportSummary s, String key, String title, Optional<?> rows) {
        out.raw("<section class=\"domain\"").attr("id", key).raw("><h2>").text(title).raw("</h2>\n");
        Optional<NotChecked> nc = s.notChecked(key);
        if (nc.isPresent()) {
            out.raw("<p class=\"not-checked\" data-domain=\"").text(key).raw("\"><strong>未检查 / not checked</strong>：")
                    .text(nc.get().reasonZh()).raw(" / ").text(nc.get().reasonEn()).raw("</p></section>\n");
            return false;
        }
        if (rows.isEmpty()) {
            out.raw("<p class=\"not-checked\" data-domain=\"").text(key).raw("\"><strong>无数据 / no data</strong>："
                    + "summary.json 中没有这一项，不能当作没有问题 / summary.json has no entry for it; "
                    + "this is not the same as no problems</p></section>\n");
            return false;
        }
        for (NotChecked part : s.partlyNotChecked(key)) {
            out.raw("<p class=\"not-checked partly\"><strong>部分未检查 / partly not checked</strong> <code>")
                    .text(part.domain()).raw("</code>：").text(part.reasonZh()).raw(" / ").text(part.reasonEn()).raw("</p>");
        }
        return true;
    }

    private static void deadlines(HtmlOut out, ReportSummary s) {
        if (!section(out, s, "deadlines", "办理时限 / deadline status", s.deadlines())) {
            return;
        }
        List<DeadlineRow> list = s.deadlines().get();
        long max = Math.max(1, list.stream().mapToLong(r -> r.onTrack() + r.yellow() + r.red()).max().orElse(1));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            DeadlineRow r = list.get(i);
            String f = "/deadlines/" + i + "/";
            List<Num> nums = new ArrayList<>(List.of(new Num("正常 ", count(r.onTrack()), f + "onTrack", "count"),
                    new Num(" · 黄 ", count(r.yellow()), f + "yellow", "count"),
                    new Num(" · 红 ", count(r.red()), f + "red", "count")));
            r.paused().ifPresent(n -> nums.add(new Num(" · 暂停 ", count(n), f + "paused", "count")));
            nums.add(new Num(" · 已办结 ", count(r.decided()), f + "decided", "count"));
            r.decidedLate().ifPresent(n -> nums.add(new Num("（超期 ", count(n), f + "decidedLate", "count")));
            r.decidedLate().ifPresent(n -> nums.add(Num.words("）")));
            rows.add(new Row(s.departmentLabel(r.department()),
                    List.of(new Bar("ontrack", (double) r.onTrack() / max, "正常 / on track " + r.onTrack()),
                            new Bar("yellow", (double) r.yellow() / max, "黄牌 / yellow " + r.yellow()),
                            new Bar("red", (double) r.red() / max, "红牌 / red " + r.red())),
                    OptionalDouble.empty(), nums));
        }
        out.raw("<p class=\"note\">在办件按部门：正常、黄牌（临近时限）、红牌（超时限）；已办结件数在右侧 / open cases by department: "
                + "on track, yellow (deadline near), red (overdue); cases decided on the right</p>");
        BarChart.write(out, "chart-deadlines", "办理时限 / deadline status",
                List.of(new Legend("ontrack", "正常 on track"), new Legend("yellow", "黄牌 yellow"),
                        new Legend("red", "红牌 red")),
                rows, "无办件 / no cases");
        out.raw("</section>\n");
    }

    private static void kpis(HtmlOut out, ReportSummary s) {
        if (!section(out, s, "kpis", "绩效指标 / KPIs against targets", s.kpis())) {
            return;
        }
        List<KpiRow> list = s.kpis().get();
        Map<String, List<Integer>> byKpi = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            byKpi.computeIfAbsent(list.get(i).kpi(), k -> new ArrayList<>()).add(i);
        }
        if (byKpi.isEmpty()) {
            BarChart.write(out, "chart-kpis", "绩效指标 / KPIs", List.of(), List.of(), "无指标 / no KPIs");
        }
        int chart = 0;
        for (Map.Entry<String, List<Integer>> e : byKpi.entrySet()) {
            KpiRow first = list.get(e.getValue().get(0));
            boolean rate = KpiRow.isRate(e.getKey(), e.getValue().stream().map(list::get).toList());
            double scale = rate ? 1.0 : 0.0;
            for (int i : e.getValue()) {
                scale = Math.max(scale, list.get(i).value().orElse(0.0));
                scale = Math.max(scale, list.get(i).target().orElse(0.0));
            }
            scale = scale <= 0 ? 1.0 : rate ? scale : scale * 1.1;
            List<Row> rows = new ArrayList<>();
            for (int i : e.getValue()) {
                KpiRow k = list.get(i);
                String f = "/kpis/" + i + "/";
                String kind = rate ? "pct" : "dec";
                Function<Double, String> shown = v -> rate ? pct(v) : dec(v);
                List<Num> nums = new ArrayList<>();
                if (rate) {
                    nums.add(new Num("", count(k.numerator().get()), f + "numerator", "count"));
                    nums.add(new Num("/", count(k.denominator().get()), f + "denominator", "count"));
                    nums.add(Num.words(" = "));
                }
                nums.add(k.value().isPresent() ? new Num("", shown.apply(k.value().get()), f + "value", kind)
                        : Num.words("— 无办件 / no cases"));
                if (!rate && k.numerator().isPresent() && k.denominator().isPresent() && k.denominator().get() != 1) {
                    nums.add(new Num(" (", count(k.numerator().get()), f + "numerator", "count"));
                    nums.add(new Num("/", count(k.denominator().get()), f + "denominator", "count"));
                    nums.add(Num.words(")"));
                }
                k.target().ifPresent(t -> nums.add(new Num(" · 目标 target ", shown.apply(t), f + "target", kind)));
                k.met().ifPresent(m -> nums.add(Num.words(m ? " ✓ 达标 met" : " ✗ 未达标 not met")));
                String cls = k.met().map(m -> m ? "met" : "notmet").orElse("unknown");
                double sc = scale;
                rows.add(new Row(s.departmentLabel(k.department()),
                        List.of(new Bar(cls, k.value().orElse(0.0) / sc, first.label().zh() + " " + k.value().map(shown)
                                .orElse("—"))),
                        k.target().map(t -> OptionalDouble.of(t / sc)).orElse(OptionalDouble.empty()), nums));
            }
            String title = first.label() + " (" + first.kpi() + ")";
            out.raw("<h3>").text(title).raw("</h3>");
            BarChart.write(out, "chart-kpi-" + chart++, title, TARGET_LEGEND, rows, "");
        }
        out.raw("</section>\n");
    }

    private static void authorization(HtmlOut out, ReportSummary s) {
        if (!section(out, s, "authorization", "窗口授权 / window authorization", s.authorization())) {
            return;
        }
        List<AuthorizationRow> list = s.authorization().get();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            AuthorizationRow a = list.get(i);
            String f = "/authorization/" + i + "/";
            Optional<Double> rate = a.rate().or(() -> a.denominator() == 0 ? Optional.empty()
                    : Optional.of((double) a.numerator() / a.denominator()));
            boolean met = rate.isPresent() && a.target().isPresent() && rate.get() >= a.target().get();
            List<Num> nums = new ArrayList<>(List.of(new Num("", count(a.numerator()), f + "numerator", "count"),
                    new Num("/", count(a.denominator()), f + "denominator", "count"), Num.words(" = ")));
            nums.add(a.rate().isPresent() ? new Num("", pct(a.rate().get()), f + "rate", "pct")
                    : Num.words(rate.map(HtmlReport::pct).orElse("—")));
            a.target().ifPresent(t -> nums.add(new Num(" · 目标 target ", pct(t), f + "target", "pct")));
            rows.add(new Row(s.departmentLabel(a.department()) + " · " + powerLabel(a.power()),
                    List.of(new Bar(a.target().isEmpty() ? "unknown" : met ? "met" : "notmet", rate.orElse(0.0),
                            powerLabel(a.power()) + " " + rate.map(HtmlReport::pct).orElse("—"))),
                    a.target().map(OptionalDouble::of).orElse(OptionalDouble.empty()), nums));
        }
        out.raw("<p class=\"note\">各部门向窗口授权的事项占比，竖线为目标 / share of items whose power the department "
                + "delegated to its window; the vertical mark is the target</p>");
        BarChart.write(out, "chart-authorization", "窗口授权率 / delegation rates by power",
                TARGET_LEGEND, rows, "无授权数据 / no delegation data");
        List<AuthorizationRow> missing = list.stream().filter(a -> !a.missing().isEmpty()).toList();
        if (!missing.isEmpty()) {
            out.raw("<table class=\"small\" id=\"authorization-missing\"><thead><tr><th>部门 / department</th>"
                    + "<th>权力 / power</th><th>未授权事项 / items not delegated</th></tr></thead><tbody>");
            for (AuthorizationRow a : missing) {
                out.raw("<tr><td>").text(s.departmentLabel(a.department())).raw("</td><td>").text(powerLabel(a.power()))
                        .raw("</td><td>");
                int shown = Math.min(20, a.missing().size());
                out.text(String.join("；", a.missing().subList(0, shown)));
                if (shown < a.missing().size()) {
                    out.raw(" …等 " + count(a.missing().size()) + " 项 / " + count(a.missing().size()) + " in all");
                }
                out.raw("</td></tr>");
            }
            out.raw("</tbody></table>");
        }
        out.raw("</section>\n");
    }

    private static void counts(HtmlOut out, ReportSummary s, String key, String title, String note, Limits limits,
            Function<CountRow, String> label) {
        Optional<List<CountRow>> data = switch (key) {
            case "intake" -> s.intake();
            case "fees" -> s.fees();
            case "completeness" -> s.completeness();
            default -> s.catalogue();
        };
        if (!section(out, s, key, title, data)) {
            return;
        }
        List<CountRow> list = data.get();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(list.get(b).count(), list.get(a).count()));
        long max = Math.max(1, list.stream().mapToLong(CountRow::count).max().orElse(1));
        List<Row> rows = new ArrayList<>();
        for (int i : order.subList(0, Math.min(order.size(), limits.chartRows()))) {
            CountRow r = list.get(i);
            String f = "/" + key + "/" + i + "/";
            List<Num> nums = new ArrayList<>();
            nums.add(new Num("", count(r.count()), f + "count", "count"));
            // the rule is in the label of fees and completeness rows; intake and catalogue rows name it here
            nums.add(Num.words(key.equals("intake") || key.equals("catalogue") ? " 件 · " + r.rule() : " 件"));
            r.amountYuan().ifPresent(a -> nums.add(new Num(" · ", a, f + "amountYuan", "money")));
            r.amountYuan().ifPresent(a -> nums.add(Num.words(" 元")));
            r.detail().filter(x -> !x.isEmpty())
                    .ifPresent(x -> nums.add(new Num(" · ", HtmlOut.cut(x, 40), f + "detail", "text")));
            rows.add(new Row(label.apply(r), List.of(new Bar("count", (double) r.count() / max,
                    r.rule() + " " + r.count())), OptionalDouble.empty(), nums));
        }
        out.raw("<p class=\"note\">").text(note).raw("</p>");
        BarChart.write(out, "chart-" + key, title, List.of(new Legend("count", "发现数 findings")), rows,
                "未发现问题 / no findings");
        if (order.size() > limits.chartRows()) {
            long rest = order.subList(limits.chartRows(), order.size()).stream().mapToLong(i -> list.get(i).count())
                    .sum();
            out.raw("<p class=\"note capped\">另有 " + count(order.size() - limits.chartRows()) + " 行（" + count(rest)
                    + " 件）未画出，见下方发现表 / " + count(order.size() - limits.chartRows()) + " more rows (" + count(rest)
                    + " findings) not drawn; see the findings table</p>");
        }
        out.raw("</section>\n");
    }

    private static void findingsTable(HtmlOut out, ReportSummary s, FindingsDigest d) {
        List<FindingsDigest.Row> rows = d.rows();
        out.raw("<section id=\"findings\"><h2>发现 / findings</h2>\n<p class=\"note\" id=\"findings-note\">");
        if (rows.size() < d.total()) {
            out.raw("表中显示 <span id=\"rows-shown\">" + count(rows.size()) + "</span> 条，共 <span id=\"rows-total\">"
                    + count(d.total()) + "</span> 条（红牌优先，其次黄牌、提示）；全部发现见 findings.jsonl / showing "
                    + count(rows.size()) + " of " + count(d.total())
                    + " findings (red first, then yellow, then info); all of them are in findings.jsonl");
        } else {
            out.raw("共 <span id=\"rows-shown\">" + count(rows.size()) + "</span> 条 / all " + count(rows.size())
                    + " findings");
        }
        out.raw("</p>\n<div class=\"filters\"><label>规则 / rule <select id=\"f-rule\"><option value=\"\">全部 / all</option>");
        d.byRule().forEach((rule, n) -> out.raw("<option").attr("value", rule).raw(">").text(rule + " (" + count(n) + ")")
                .raw("</option>"));
        out.raw("</select></label> <label>严重程度 / severity <select id=\"f-sev\"><option value=\"\">全部 / all</option>");
        for (Severity sev : List.of(Severity.RED, Severity.YELLOW, Severity.INFO)) {
            out.raw("<option value=\"" + sev.name() + "\">").text(SEVERITY.get(sev) + " (" + count(d.bySeverity().get(sev))
                    + ")").raw("</option>");
        }
        out.raw("</select></label> <label>部门 / department <select id=\"f-dept\"><option value=\"\">全部 / all</option>");
        d.byDepartment().forEach((dept, n) -> out.raw("<option").attr("value", dept).raw(">")
                .text(s.departmentLabel(dept) + " (" + count(n) + ")").raw("</option>"));
        out.raw("</select></label> <label>文字 / text <input id=\"f-text\" type=\"search\"></label> "
                + "<span id=\"f-count\"></span></div>\n");
        out.raw("<table id=\"findings-table\"><thead><tr><th data-sort=\"num\">行 / line</th>"
                + "<th data-sort=\"rank\">严重程度 / severity</th><th>规则 / rule</th><th>部门 / department</th>"
                + "<th>对象 / subject</th><th>说明 / message</th><th>依据 / reference</th><th>证据 / evidence</th>"
                + "<th>参数 / parameters</th></tr></thead><tbody>\n");
        for (FindingsDigest.Row r : rows) {
            Finding f = r.finding();
            out.raw("<tr").attr("data-rule", f.ruleId()).attr("data-sev", f.severity().name())
                    .attr("data-dept", r.department()).raw("><td>").raw(r.line() > 0 ? Long.toString(r.line()) : "")
                    .raw("</td><td class=\"sev " + f.severity().name() + "\" data-rank=\"" + f.severity().ordinal() + "\">")
                    .text(SEVERITY.get(f.severity())).raw("</td><td><code>").text(f.ruleId()).raw("</code></td><td>")
                    .text(r.department().isEmpty() ? "" : s.departmentLabel(r.department())).raw("</td><td>")
                    .text(f.subject()).raw("</td><td class=\"msg\">").text(f.message().zh()).raw("<br><span class=\"en\">")
                    .text(f.message().en()).raw("</span></td><td>").text(f.legalReference())
                    .raw("<br><small>").text("layer " + f.layer()).raw("</small></td><td>");
            keyValues(out, f.evidence());
            out.raw("</td><td>");
            keyValues(out, f.parameters());
            out.raw("</td></tr>\n");
        }
        out.raw("</tbody></table></section>\n");
    }

    private static void keyValues(HtmlOut out, Map<String, String> m) {
        if (m.isEmpty()) {
            return;
        }
        out.raw("<ul class=\"kv\">");
        int n = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (n++ == 50) {
                out.raw("<li>… " + (m.size() - 50) + " more</li>");
                break;
            }
            out.raw("<li><b>").text(e.getKey()).raw("</b> ").text(e.getValue()).raw("</li>");
        }
        out.raw("</ul>");
    }

    // ---- numbers as shown ----

    private static String num(String field, String shown, String kind) {
        return "<span class=\"num\" data-field=\"" + HtmlOut.escape(field) + "\" data-kind=\"" + kind + "\">" + shown
                + "</span>";
    }

    /** The JSON Pointer (RFC 6901) of a summary field, e.g. {@code /records/cases.csv}. */
    static String ptr(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append('/').append(p.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String dec(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String powerLabel(String power) {
        try {
            Power p = Power.valueOf(power);
            return p.chineseName() + " " + p.englishName();
        } catch (IllegalArgumentException e) {
            return power;
        }
    }

    // ---- resources ----

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/approvalrules/core/report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
