package org.approvalrules.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html without a browser: hostile text, the cap on large runs, strict inputs, a self-contained page. */
class HtmlReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOSTILE = "<script>alert(\"x\")</script> & “引号” 'single' \"double\" </td></tr> &amp; <!--";

    @TempDir
    Path dir;

    private Document render(ReportFixture f, HtmlReport.Limits limits) throws Exception {
        f.write(dir);
        Path html = dir.resolve("report.html");
        HtmlReport.write(dir.resolve("summary.json"), dir.resolve("findings.jsonl"), html, limits);
        return Jsoup.parse(html.toFile(), "UTF-8");
    }

    @Test
    void hostileContentRendersAsText() throws Exception {
        ReportFixture f = ReportFixture.random(7, 3, 10);
        f.departments.set(0, new ReportFixture.Department("D01", "<svg onload=alert(1)>局"));
        f.findings.add(new Finding("x\"><script>alert(2)</script>", Severity.RED, "<img src=x onerror=alert(3)>",
                BilingualText.of(HOSTILE, HOSTILE), HOSTILE, "000000", ReportFixture.RULE_SET, ReportFixture.CALENDAR,
                Map.of("p\"'<>", HOSTILE), Map.of("department", "D01", "<b>key</b>", HOSTILE)));
        Document doc = render(f, HtmlReport.Limits.DEFAULT);

        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("img, iframe, object, embed, link")).isEmpty();
        assertThat(doc.select("svg")).allSatisfy(svg -> assertThat(svg.hasClass("chart")).isTrue());
        assertThat(doc.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
        Element row = doc.select("#findings-table tbody tr").stream()
                .filter(r -> r.attr("data-sev").equals("RED") && r.child(4).text().contains("onerror"))
                .findFirst().orElseThrow();
        assertThat(row.attr("data-rule")).isEqualTo("x\"><script>alert(2)</script>");
        assertThat(row.child(2).text()).isEqualTo("x\"><script>alert(2)</script>");
        assertThat(row.child(4).text()).isEqualTo("<img src=x onerror=alert(3)>");
        assertThat(row.selectFirst("td.msg").wholeText()).isEqualTo(HOSTILE + "\n" + HOSTILE);
        assertThat(row.child(6).text()).startsWith(HOSTILE.replaceAll("\\s+", " ").trim());
        assertThat(row.child(7).select("li").eachText()).contains("<b>key</b> " + HOSTILE.replaceAll("\\s+", " ").trim());
        assertThat(row.child(8).select("li").eachText()).containsExactly("p\"'<> " + HOSTILE.replaceAll("\\s+", " ").trim());
        assertThat(row.child(3).text()).isEqualTo("<svg onload=alert(1)>局 D01");
        assertThat(doc.select("#f-rule option").eachAttr("value")).contains("x\"><script>alert(2)</script>");
    }

    @Test
    void identifiersStayMaskedWhateverFieldTheyArriveIn() throws Exception {
        ReportFixture f = ReportFixture.random(8, 2, 5);
        String id = "11010519491231002X";
        f.findings.add(new Finding("intake.two-end", Severity.RED, id, BilingualText.of("申请人 " + id, "applicant " + id),
                "", "000000", ReportFixture.RULE_SET, ReportFixture.CALENDAR, Map.of(), Map.of("applicant", id)));
        f.write(dir);
        HtmlReport.write(dir.resolve("summary.json"), dir.resolve("findings.jsonl"), dir.resolve("report.html"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).doesNotContain(id).contains("1101************2X");
    }

    @Test
    void aLargeRunIsCappedWithCountsOfAll() throws Exception {
        ReportFixture f = ReportFixture.random(11, 5, 30_000);
        Document doc = render(f, new HtmlReport.Limits(300, 10));
        List<Element> rows = doc.select("#findings-table tbody tr");
        assertThat(rows).hasSize(300);
        long red = f.findings.stream().filter(x -> x.severity() == Severity.RED).count();
        assertThat(red).isGreaterThan(300);
        assertThat(rows).allSatisfy(r -> assertThat(r.attr("data-sev")).isEqualTo("RED"));
        // the first 300 red findings in file order, by line number
        List<Long> lines = rows.stream().map(r -> Long.parseLong(r.child(0).text())).toList();
        List<Long> expected = new java.util.ArrayList<>();
        for (int i = 0; i < f.findings.size() && expected.size() < 300; i++) {
            if (f.findings.get(i).severity() == Severity.RED) {
                expected.add((long) i + 1);
            }
        }
        assertThat(lines).isEqualTo(expected);
        assertThat(doc.selectFirst("#findings-note").text()).contains("showing 300 of 30,000 findings");
        long optionsTotal = doc.select("#f-rule option").stream().skip(1)
                .mapToLong(o -> Long.parseLong(o.text().replaceAll(".*\\((.*)\\)$", "$1").replace(",", ""))).sum();
        assertThat(optionsTotal).isEqualTo(30_000);
        assertThat(doc.select("#chart-intake .row")).hasSize(10);
        assertThat(Files.size(dir.resolve("report.html"))).isLessThan(Files.size(dir.resolve("findings.jsonl")) / 10);
    }

    @Test
    void thePageIsSelfContainedAndItsPolicyAllowsOnlyItsOwnScript() throws Exception {
        Document doc = render(ReportFixture.random(3, 4, 50), HtmlReport.Limits.DEFAULT);
        assertThat(doc.select("[src], [href], link, base, iframe")).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("url(", "@import");
        String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).startsWith("default-src 'none';");
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(doc.selectFirst("script").data()
                .getBytes(StandardCharsets.UTF_8));
        assertThat(csp).contains("script-src 'sha256-" + Base64.getEncoder().encodeToString(sha) + "'");
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    }

    @Test
    void aCompleteRunSaysSoAndRejectsAlwaysMakeItIncomplete() throws Exception {
        Document ok = render(ReportFixture.random(4, 3, 20), HtmlReport.Limits.DEFAULT);
        assertThat(ok.selectFirst("#status").attr("data-complete")).isEqualTo("true");
        assertThat(ok.selectFirst("#status").text()).contains("完整 / COMPLETE");

        // a summary that claims completeness while counting rejects is shown as incomplete
        ReportFixture f = ReportFixture.random(4, 3, 20).rejects("events.csv", 2);
        f.complete = true;
        Document doc = render(f, HtmlReport.Limits.DEFAULT);
        assertThat(doc.selectFirst("#status").attr("data-complete")).isEqualTo("false");
        assertThat(doc.selectFirst("#status").text()).contains("不完整 / INCOMPLETE", "rejects.csv");
        assertThat(doc.title()).startsWith("【不完整 INCOMPLETE】");
    }

    @Test
    void aDomainNotCheckedOrAbsentIsNeverAnEmptyChart() throws Exception {
        ReportFixture f = ReportFixture.random(5, 3, 20).notChecked("authorization", "未提供 staff.csv", "no staff.csv");
        f.write(dir);
        ObjectNode summary = (ObjectNode) MAPPER.readTree(dir.resolve("summary.json").toFile());
        summary.remove("intake");
        summary.putArray("completeness");
        StringWriter out = new StringWriter();
        HtmlReport.write(summary, "summary.json", f.findings.iterator(), out, HtmlReport.Limits.DEFAULT);
        Document doc = Jsoup.parse(out.toString());
        assertThat(doc.selectFirst("section#authorization").text()).contains("未检查 / not checked", "未提供 staff.csv",
                "no staff.csv");
        assertThat(doc.select("section#authorization svg")).isEmpty();
        assertThat(doc.selectFirst("section#intake").text()).contains("无数据 / no data");
        assertThat(doc.select("section#intake svg")).isEmpty();
        // checked and nothing found: a chart that says so
        assertThat(doc.selectFirst("#chart-completeness").text()).contains("未发现问题 / no findings");
    }

    @Test
    void findingsThatDisagreeWithTheSummaryAreFlagged() throws Exception {
        ReportFixture f = ReportFixture.random(6, 3, 40);
        f.write(dir);
        List<String> lines = Files.readAllLines(dir.resolve("findings.jsonl"));
        ObjectNode other = (ObjectNode) MAPPER.readTree(lines.get(0));
        other.put("ruleSetVersion", "0000000000000000");
        Files.write(dir.resolve("findings.jsonl"),
                List.of(MAPPER.writeValueAsString(other), lines.get(1), lines.get(2), ""));
        HtmlReport.write(dir.resolve("summary.json"), dir.resolve("findings.jsonl"), dir.resolve("report.html"));
        Document doc = Jsoup.parse(dir.resolve("report.html").toFile(), "UTF-8");
        assertThat(doc.selectFirst("#warnings").text()).contains("findings.jsonl holds 3 findings, summary.json counts 40",
                "1 条发现的规则集或日历版本与本报告不同");
    }

    @Test
    void badInputNamesTheFileLineAndField() throws Exception {
        ReportFixture.random(9, 2, 5).write(dir);
        Path summary = dir.resolve("summary.json");
        Path findings = dir.resolve("findings.jsonl");
        Path html = dir.resolve("report.html");

        assertThatThrownBy(() -> HtmlReport.write(summary, dir.resolve("nope.jsonl"), html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).endsWith("nope.jsonl");
                    assertThat(e.getMessage()).contains("文件不存在 / file not found");
                });
        assertThatThrownBy(() -> HtmlReport.write(dir, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.getMessage()).contains("is a directory"));

        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(findings));
        lines.set(2, lines.get(2).replace("\"severity\":\"", "\"severity\":\"PURPLE"));
        Files.write(findings, lines);
        assertThatThrownBy(() -> HtmlReport.write(summary, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).contains("severity");
                });
        Files.write(findings, String.join("\n", lines).replace("\"messageZh\":\"", "\"messageZh\":\"超过")
                .getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertThatThrownBy(() -> HtmlReport.write(summary, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.getMessage()).contains("UTF-8"));
        lines.set(2, "{\"ruleId\": ");
        Files.write(findings, lines);
        assertThatThrownBy(() -> HtmlReport.write(summary, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
        lines.set(2, "{\"ruleId\": \"a\"}");
        Files.write(findings, lines);
        assertThatThrownBy(() -> HtmlReport.write(summary, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).contains("severity");
                });

        ObjectNode s = (ObjectNode) MAPPER.readTree(summary.toFile());
        ((ObjectNode) s.withArray("deadlines").get(1)).put("red", "many");
        Files.writeString(summary, MAPPER.writeValueAsString(s));
        assertThatThrownBy(() -> HtmlReport.write(summary, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).endsWith("summary.json");
                    assertThat(e.field()).contains("deadlines[1].red");
                });
        s.remove("complete");
        Files.writeString(summary, MAPPER.writeValueAsString(s));
        assertThatThrownBy(() -> HtmlReport.write(summary, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.field()).contains("complete"));
        Files.writeString(summary, "{\n\"locality\": \"451031\",\n oops");
        assertThatThrownBy(() -> HtmlReport.write(summary, findings, html))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThat(html).doesNotExist();
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void theReportIsReadableAsAnyNewFileIs() throws Exception {
        render(ReportFixture.random(10, 2, 5), HtmlReport.Limits.DEFAULT);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("report.html")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new HtmlReport.Limits(0, 10)).hasMessageContaining("tableRows");
        assertThatThrownBy(() -> new HtmlReport.Limits(10, 0)).hasMessageContaining("chartRows");
    }
}
