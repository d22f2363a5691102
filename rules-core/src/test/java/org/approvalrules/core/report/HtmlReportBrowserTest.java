package org.approvalrules.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders report.html in real headless Chromium and reads back the DOM after the page's script ran: every chart
 * is drawn (the script marks each SVG with its measured size, each bar with its width), every number shown
 * equals the summary.json field it names, unchecked domains show their reason instead of a chart, the filters
 * and sorting work from a link, and hostile text stays text. Saves target/report.png.
 */
class HtmlReportBrowserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TABLE_ROWS = 400;
    private static final int CHART_ROWS = 25;

    @TempDir
    static Path dir;
    static ReportFixture fixture;
    static JsonNode summary;
    static Chromium chromium;
    static Path html;
    static Document dom;

    @BeforeAll
    static void render() throws Exception {
        chromium = Chromium.require(dir);
        fixture = ReportFixture.random(20261020L, 7, 2_000)
                .notChecked("fees", "未提供 charges.csv", "charges.csv not provided")
                .notChecked("completeness.results", "无 results 文件", "no results file")
                .rejects("cases.csv", 3);
        fixture.findings.add(0, new Finding("intake.two-end", Severity.RED, "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
                BilingualText.of("<script>document.body.setAttribute('data-pwned','script')</script>“引号” & 'single' \"double\"",
                        "</td></tr><tr><td>broken & <b>bold</b>"),
                "政务服务“一窗受理”", "000000", ReportFixture.RULE_SET, ReportFixture.CALENDAR, Map.of(),
                Map.of("department", "D01", "note", "<svg onload=\"document.body.setAttribute('data-pwned','svg')\">")));
        fixture.write(dir);
        summary = MAPPER.readTree(dir.resolve("summary.json").toFile());
        html = dir.resolve("report.html");
        HtmlReport.write(dir.resolve("summary.json"), dir.resolve("findings.jsonl"), html,
                new HtmlReport.Limits(TABLE_ROWS, CHART_ROWS));
        dom = Jsoup.parse(chromium.dumpDom(html, ""));
        chromium.screenshot(html, Path.of("target", "report.png"), 1280, 3200);
    }

    @Test
    void everyChartIsDrawn() {
        List<String> ids = dom.select("svg.chart").eachAttr("id");
        assertThat(ids).containsExactlyInAnyOrder("chart-deadlines", "chart-kpi-0", "chart-kpi-1", "chart-kpi-2",
                "chart-kpi-3", "chart-authorization", "chart-intake", "chart-completeness", "chart-catalogue");
        for (Element svg : dom.select("svg.chart")) {
            assertThat(size(svg.attr("data-drawn"))).as("drawn size of %s", svg.id()).allMatch(v -> v > 0);
            assertThat(size(svg.attr("data-content"))).as("content of %s", svg.id()).allMatch(v -> v > 0);
        }
        assertThat(dom.select("svg.chart .bar")).isNotEmpty()
                .allSatisfy(bar -> assertThat(Double.parseDouble(bar.attr("data-w"))).isPositive());
        // one bar per non-zero deadline count
        long nonZero = fixture.deadlines.stream()
                .mapToLong(d -> (d.onTrack() > 0 ? 1 : 0) + (d.yellow() > 0 ? 1 : 0) + (d.red() > 0 ? 1 : 0)).sum();
        assertThat(dom.select("#chart-deadlines .bar")).hasSize((int) nonZero);
    }

    private static List<Integer> size(String wxh) {
        assertThat(wxh).matches("\\d+x\\d+");
        return List.of(Integer.parseInt(wxh.split("x")[0]), Integer.parseInt(wxh.split("x")[1]));
    }

    @Test
    void everyNumberShownEqualsSummaryJson() {
        List<Element> nums = dom.select(".num[data-field]");
        assertThat(nums).hasSizeGreaterThan(100);
        for (Element n : nums) {
            JsonNode expected = summary.at(n.attr("data-field"));
            assertThat(expected.isMissingNode()).as("field %s is in summary.json", n.attr("data-field")).isFalse();
            String shown = n.text();
            switch (n.attr("data-kind")) {
                case "count" -> assertThat(Long.parseLong(shown.replace(",", ""))).as(n.attr("data-field"))
                        .isEqualTo(expected.longValue());
                case "pct" -> assertThat(Double.parseDouble(shown.replace("%", ""))).as(n.attr("data-field"))
                        .isCloseTo(100 * expected.doubleValue(), org.assertj.core.data.Offset.offset(0.05));
                case "dec" -> assertThat(Double.parseDouble(shown)).as(n.attr("data-field"))
                        .isCloseTo(expected.doubleValue(), org.assertj.core.data.Offset.offset(0.005));
                case "money", "text" -> assertThat(shown).as(n.attr("data-field")).isEqualTo(expected.textValue());
                default -> throw new AssertionError("unknown kind " + n.attr("data-kind"));
            }
        }
    }

    @Test
    void everyFigureOfTheFixtureIsShown() {
        Set<String> shown = new HashSet<>(dom.select(".num[data-field]").eachAttr("data-field"));
        List<String> expected = new ArrayList<>(List.of("/rejects/total", "/findings/total",
                "/rejects/byFile/cases.csv", "/findings/bySeverity/RED", "/findings/bySeverity/YELLOW"));
        fixture.records.keySet().forEach(f -> expected.add("/records/" + f));
        for (int i = 0; i < fixture.deadlines.size(); i++) {
            for (String f : List.of("onTrack", "yellow", "red", "decided", "paused", "decidedLate")) {
                expected.add("/deadlines/" + i + "/" + f);
            }
        }
        for (int i = 0; i < fixture.kpis.size(); i++) {
            ReportFixture.Kpi k = fixture.kpis.get(i);
            expected.add("/kpis/" + i + "/target");
            if (k.value() != null) {
                expected.add("/kpis/" + i + "/value");
            }
            if (k.numerator() != null) {
                expected.add("/kpis/" + i + "/numerator");
                expected.add("/kpis/" + i + "/denominator");
            }
        }
        for (int i = 0; i < fixture.authorization.size(); i++) {
            for (String f : List.of("numerator", "denominator", "rate", "target")) {
                expected.add("/authorization/" + i + "/" + f);
            }
        }
        for (int i = 0; i < fixture.catalogue.size(); i++) {
            expected.add("/catalogue/" + i + "/count");
        }
        for (int i = 0; i < fixture.completeness.size(); i++) {
            expected.add("/completeness/" + i + "/count");
            expected.add("/completeness/" + i + "/detail");
        }
        assertThat(shown).containsAll(expected);
    }

    @Test
    void chartsOfCountsShowTheLargestRowsAndCountTheRest() {
        List<Integer> drawn = dom.select("#chart-intake .num[data-field$=/count]").eachAttr("data-field").stream()
                .map(f -> Integer.parseInt(f.split("/")[2])).toList();
        assertThat(drawn).hasSize(CHART_ROWS);
        long smallestDrawn = drawn.stream().mapToLong(i -> fixture.intake.get(i).count()).min().orElseThrow();
        List<Integer> rest = IntStream.range(0, fixture.intake.size()).filter(i -> !drawn.contains(i)).boxed().toList();
        assertThat(rest).hasSize(fixture.intake.size() - CHART_ROWS)
                .allSatisfy(i -> assertThat(fixture.intake.get(i).count()).isLessThanOrEqualTo(smallestDrawn));
        long restCount = rest.stream().mapToLong(i -> fixture.intake.get(i).count()).sum();
        assertThat(dom.select("#intake .capped").text())
                .contains((fixture.intake.size() - CHART_ROWS) + " more rows (" + HtmlReport.count(restCount) + " findings)");
    }

    @Test
    void theHeadlineSaysIncompleteAndAnUncheckedDomainShowsItsReasonNotAChart() {
        assertThat(dom.selectFirst("#status").attr("data-complete")).isEqualTo("false");
        assertThat(dom.selectFirst("#status").text()).contains("不完整 / INCOMPLETE");
        assertThat(dom.title()).startsWith("【不完整 INCOMPLETE】");
        assertThat(dom.selectFirst("#rule-set-version").text()).isEqualTo(ReportFixture.RULE_SET);
        assertThat(dom.selectFirst("#calendar-version").text()).isEqualTo(ReportFixture.CALENDAR);
        Element fees = dom.selectFirst("section#fees");
        assertThat(fees.select("svg")).isEmpty();
        assertThat(fees.text()).contains("未检查 / not checked", "未提供 charges.csv", "charges.csv not provided");
        assertThat(dom.selectFirst("#not-checked").text()).contains("fees");
        // a part of a domain not checked is said in that domain's section, which still has its chart
        assertThat(dom.selectFirst("section#completeness .partly").text()).contains("completeness.results", "no results file");
        assertThat(dom.select("section#completeness svg.chart")).hasSize(1);
    }

    @Test
    void ratesArePercentagesAndDaysAreNot() {
        for (int i = 0; i < fixture.kpis.size(); i++) {
            ReportFixture.Kpi k = fixture.kpis.get(i);
            Element value = dom.selectFirst(".num[data-field=/kpis/" + i + "/value]");
            if (k.value() == null) {
                assertThat(value).isNull();
                continue;
            }
            assertThat(value.attr("data-kind")).as(k.kpi()).isEqualTo(k.kpi().endsWith("rate") ? "pct" : "dec");
        }
    }

    @Test
    void theTableShowsTheMostSevereFirstUpToItsCap() {
        List<Element> rows = dom.select("#findings-table tbody tr");
        assertThat(rows).hasSize(TABLE_ROWS);
        List<Integer> ranks = rows.stream().map(r -> Severity.valueOf(r.attr("data-sev")).ordinal()).toList();
        assertThat(ranks).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(dom.selectFirst("#rows-total").text()).isEqualTo(HtmlReport.count(fixture.findings.size()));
        assertThat(dom.selectFirst("#f-count").attr("data-shown")).isEqualTo(Integer.toString(TABLE_ROWS));
    }

    @Test
    void filtersAndSortingWorkFromALink() throws Exception {
        List<Element> all = dom.select("#findings-table tbody tr");
        long expected = all.stream().filter(r -> r.attr("data-sev").equals("YELLOW"))
                .filter(r -> r.attr("data-dept").equals("D02")).count();
        Document filtered = Jsoup.parse(chromium.dumpDom(html, "sev=YELLOW&dept=D02&sort=0-desc"));
        List<Element> visible = filtered.select("#findings-table tbody tr:not([hidden])");
        assertThat(visible).hasSize((int) expected)
                .allSatisfy(r -> assertThat(r.attr("data-sev") + r.attr("data-dept")).isEqualTo("YELLOWD02"));
        assertThat(filtered.selectFirst("#f-count").attr("data-shown")).isEqualTo(Long.toString(expected));
        List<Long> lines = filtered.select("#findings-table tbody tr").stream()
                .map(r -> Long.parseLong(r.child(0).text())).toList();
        assertThat(lines).isSortedAccordingTo(Comparator.reverseOrder());

        Document byText = Jsoup.parse(chromium.dumpDom(html, "q=onerror"));
        assertThat(byText.select("#findings-table tbody tr:not([hidden])")).hasSize(1);
    }

    @Test
    void hostileTextIsShownAsTextAndNoInjectedScriptRuns() {
        assertThat(dom.body().hasAttr("data-pwned")).isFalse();
        Element row = dom.select("#findings-table tbody tr").stream()
                .filter(r -> r.text().contains("onerror")).findFirst().orElseThrow();
        assertThat(row.select("img, script, svg, td.msg b")).isEmpty();
        assertThat(row.child(7).text()).contains("note <svg onload=\"document.body.setAttribute('data-pwned','svg')\">");
        assertThat(row.child(4).text()).isEqualTo("<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">");
        assertThat(row.selectFirst("td.msg").text()).contains(
                "<script>document.body.setAttribute('data-pwned','script')</script>“引号” & 'single' \"double\"",
                "</td></tr><tr><td>broken & <b>bold</b>");
        assertThat(dom.select("script")).hasSize(1);
    }

    @Test
    void theScreenshotIsSaved() throws Exception {
        Path png = Path.of("target", "report.png");
        assertThat(png).exists();
        byte[] head = Files.readAllBytes(png);
        assertThat(head.length).isGreaterThan(10_000);
        assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
