package org.approvalrules.cli.command;

import org.approvalrules.cli.ApprovalRulesCommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalendarCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private record Result(int code, String out, String err) {
    }

    /** Runs the command in-process as the launcher does, with a fixed clock for DTSTAMP. */
    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == CalendarCommand.Export.class ? (K) new CalendarCommand.Export(CLOCK)
                        : CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cl = ApprovalRulesCommand.commandLine(out, err, factory);
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String version(String code, CoveragePolicy policy) {
        return CalendarRepository.bundled().calendarFor(DivisionCode.parse(code), policy).version();
    }

    @Test
    void exportsCsvExactly() {
        Result r = run("calendar", "export", "--locality", "450000", "--from", "2024-04-03", "--to", "2024-04-13");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                date,kind,name,provisional
                2024-04-03,WORKDAY,,false
                2024-04-04,HOLIDAY,清明节,false
                2024-04-05,HOLIDAY,清明节,false
                2024-04-06,HOLIDAY,清明节,false
                2024-04-07,ADJUSTED_WORKDAY,清明节调休上班,false
                2024-04-08,WORKDAY,,false
                2024-04-09,WORKDAY,,false
                2024-04-10,WORKDAY,,false
                2024-04-11,HOLIDAY,壮族三月三,false
                2024-04-12,HOLIDAY,壮族三月三,false
                2024-04-13,WEEKEND,,false
                """);
    }

    @Test
    void exportsOneLinePerDayForAWholeYear() {
        Result r = run("calendar", "export", "--locality", "000000", "--from", "2024-01-01", "--to", "2024-12-31");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(1 + 366);
        assertThat(lines.get(0)).isEqualTo("date,kind,name,provisional");
        assertThat(lines).allSatisfy(l -> assertThat(l).matches(
                "date,kind,name,provisional|\\d{4}-\\d{2}-\\d{2},(WORKDAY|WEEKEND|HOLIDAY|ADJUSTED_WORKDAY),.*"));
        WorkingCalendar national = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        assertThat(lines.stream().skip(1).filter(l -> l.contains(",HOLIDAY,") || l.contains(",WEEKEND,")))
                .hasSize(366 - national.workingDaysBetween(java.time.LocalDate.of(2023, 12, 31), java.time.LocalDate.of(2024, 12, 31)));
    }

    @Test
    void exportsIcsThatCalendarAppsAccept() {
        Result r = run("calendar", "export", "--locality", "000000", "--from", "2024-09-29", "--to", "2024-10-01",
                "--format", "ics");
        assertThat(r.code()).isZero();
        String ics = r.out();
        // CRLF everywhere, no physical line over 75 octets
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        assertThat(ics.split("\r\n")).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        String v = version("000000", CoveragePolicy.STRICT);
        List<String> unfolded = List.of(ics.replace("\r\n ", "").split("\r\n"));
        assertThat(unfolded).containsExactly(
                "BEGIN:VCALENDAR",
                "PRODID:-//approval-rules//working-day calendar//ZH",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:工作日历 CN-000000 / working-day calendar",
                "X-WR-TIMEZONE:Asia/Shanghai",
                "X-WR-CALDESC:行政区划 000000，日历版本 " + v + "，范围 2024-09-29/2024-10-01 / division 000000\\, calendar version "
                        + v + "\\, range 2024-09-29/2024-10-01",
                "BEGIN:VEVENT",
                "UID:20240929-adjusted_workday-000000@approval-rules",
                "DTSTAMP:20261123T080000Z",
                "DTSTART;VALUE=DATE:20240929",
                "DTEND;VALUE=DATE:20240930",
                "SUMMARY:国庆节调休上班 班 / working day",
                "DESCRIPTION:调休上班，层级 000000，依据 国办发明电〔2023〕7号 / adjusted working day\\, layer 000000\\, notice 国办发明电〔2023〕7号",
                "CATEGORIES:ADJUSTED_WORKDAY",
                "TRANSP:OPAQUE",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:20241001-holiday-000000@approval-rules",
                "DTSTAMP:20261123T080000Z",
                "DTSTART;VALUE=DATE:20241001",
                "DTEND;VALUE=DATE:20241002",
                "SUMMARY:国庆节 休 / day off",
                "DESCRIPTION:放假，层级 000000，依据 国办发明电〔2023〕7号 / holiday\\, layer 000000\\, notice 国办发明电〔2023〕7号",
                "CATEGORIES:HOLIDAY",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR");
    }

    @Test
    void checksAHolidayInChineseAndEnglish() {
        Result r = run("calendar", "check", "--locality", "450000", "2024-04-11");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                2024-04-11 星期四 / Thursday，450000 广西壮族自治区
                类型 / kind: 节假日 / HOLIDAY，不上班 / day off
                原因 / why: 放假：壮族三月三 / day off: 壮族三月三
                图层 / layer: 450000 广西壮族自治区
                依据 / notice: 广西壮族自治区人民政府办公厅关于2024年“壮族三月三”放假的通知（2024年3月22日发布）
                日历 / calendar: CN-450000，版本 / version %s，覆盖 / coverage 2004-01-01/2026-12-31，STRICT，来源 / provider: bundled national data / 内置数据
                """.formatted(version("450000", CoveragePolicy.STRICT)));
    }

    @Test
    void checksANationalWorkingSundayAndAnOrdinaryDay() {
        Result r = run("calendar", "check", "--locality", "000000", "2024-09-29");
        assertThat(r.out().lines().toList()).containsSubsequence(
                "2024-09-29 星期日 / Sunday，000000 全国",
                "类型 / kind: 调休上班日 / ADJUSTED_WORKDAY，上班 / working day",
                "原因 / why: 调休上班：国庆节调休上班 / adjusted working day: 国庆节调休上班",
                "图层 / layer: 000000 全国",
                "依据 / notice: 国办发明电〔2023〕7号");
        Result ordinary = run("calendar", "check", "--locality", "000000", "2024-10-09");
        assertThat(ordinary.out()).contains("原因 / why: 普通工作日（周一至周五）/ ordinary weekday\n")
                .contains("依据 / notice: 无（普通日）/ none (ordinary day)\n");
    }

    @Test
    void provisionalResultsSaySo() {
        Result r = run("calendar", "check", "--provisional", "--locality", "000000", "2027-01-04");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("类型 / kind: 工作日 / WORKDAY，上班 / working day\n")
                .contains("临时推定 / provisional: 日历未收录 2027 年放假安排，按周末推定，通知发布后须重新计算")
                .contains("PROVISIONAL");
        Result export = run("calendar", "export", "--provisional", "--locality", "000000", "--from", "2026-12-31", "--to",
                "2027-01-02");
        assertThat(export.out()).isEqualTo("date,kind,name,provisional\n2026-12-31,WORKDAY,,false\n2027-01-01,WORKDAY,,true\n"
                + "2027-01-02,WEEKEND,,true\n");
        assertThat(export.err()).startsWith("注意 / note: 2026-12-31/2027-01-02 超出日历 CN-000000 的覆盖范围").contains("provisional");
    }

    @Test
    void anUncoveredLocalYearIsRefusedOrFlagged() {
        Result strict = run("calendar", "check", "--locality", "450000", "2025-03-31");
        assertThat(strict.code()).isEqualTo(2);
        assertThat(strict.err()).contains("地方图层 450000（广西壮族自治区）未收录 2025 年");
        Result prov = run("calendar", "check", "--provisional", "--locality", "450000", "2025-03-31");
        assertThat(prov.code()).isZero();
        assertThat(prov.out()).contains("类型 / kind: 节假日 / HOLIDAY").contains("壮族三月三（推算")
                .contains("临时推定 / provisional: 地方图层 450000 广西壮族自治区 未收录 2025 年的通知");
        Result export = run("calendar", "export", "--provisional", "--locality", "650000", "--from", "2024-04-09", "--to",
                "2024-04-10");
        assertThat(export.out()).startsWith("date,kind,name,provisional\n2024-04-09,WORKDAY,,true\n2024-04-10,HOLIDAY,肉孜节（推算")
                .endsWith(",true\n");
        assertThat(export.err()).contains("provisional");
        Result strictExport = run("calendar", "export", "--locality", "450000", "--from", "2017-12-01", "--to", "2019-01-31");
        assertThat(strictExport.code()).isEqualTo(2);
        assertThat(strictExport.out()).isEmpty();
    }

    @Test
    void importsANoticeIntoTheYearFileAndTheCalendarsOptionLoadsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path notice = dir.resolve("2027.txt");
        java.nio.file.Files.writeString(notice, """
                国务院办公厅关于2027年部分节假日安排的通知
                一、元旦:1月1日放假,与周末连休。
                二、春节:2月5日至12日放假调休,共8天。2月14日(星期日)上班。
                三、清明节:4月5日放假。
                四、劳动节:5月1日至5日放假调休,共5天。
                五、端午节:6月9日放假。
                六、中秋节:9月15日放假。
                七、国庆节:10月1日至7日放假调休,共7天。10月9日(星期六)上班。
                国务院办公厅
                2026年11月20日
                """, StandardCharsets.UTF_8);
        java.nio.file.Path nat = java.nio.file.Files.createDirectories(dir.resolve("calendar").resolve("000000"));
        Result imp = run("calendar", "import", "--notice", notice.toString(), "--year", "2027", "--out",
                nat.resolve("2027.csv").toString());
        assertThat(imp.err()).contains("已导入 / imported").contains("795");
        assertThat(imp.code()).isZero();
        assertThat(java.nio.file.Files.readString(nat.resolve("2027.csv"))).contains("2027-02-14,ADJUSTED_WORKDAY,春节调休上班,"
                + "国务院办公厅关于2027年部分节假日安排的通知");
        Result check = run("calendar", "check", "--calendars", dir.resolve("calendar").toString(), "--locality", "000000",
                "2027-02-14");
        assertThat(check.out()).contains("调休上班日 / ADJUSTED_WORKDAY").contains("2004-01-01/2027-12-31");
        Result bad = run("calendar", "import", "--notice", notice.toString(), "--year", "2027", "--out",
                dir.resolve("bad.csv").toString(), "--source", "x");
        assertThat(bad.code()).isZero();
        java.nio.file.Files.writeString(notice, "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦:1月1日放假。\n二、春节:2月5日至12日放假。"
                + "2月15日(星期一)上班。\n", StandardCharsets.UTF_8);
        Result weekday = run("calendar", "import", "--notice", notice.toString(), "--year", "2027", "--out",
                dir.resolve("weekday.csv").toString());
        assertThat(weekday.code()).isEqualTo(2);
        assertThat(weekday.err()).contains(notice.getFileName() + ":3").contains("2027-02-15");
        assertThat(dir.resolve("weekday.csv")).doesNotExist();
    }

    @Test
    void errorsAreOneClearLineWithExitCode2() {
        Result unknown = run("calendar", "check", "--locality", "990000", "2024-04-11");
        Result malformed = run("calendar", "export", "--locality", "45000", "--from", "2024-04-01", "--to", "2024-04-02");
        Result outside = run("calendar", "export", "--locality", "000000", "--from", "2026-12-01", "--to", "2027-01-31");
        Result badDate = run("calendar", "check", "--locality", "000000", "2024-02-30");
        Result reversed = run("calendar", "export", "--locality", "000000", "--from", "2024-05-01", "--to", "2024-04-01");
        for (Result r : List.of(unknown, malformed, outside, badDate, reversed)) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("错误 / error: "));
        }
        assertThat(unknown.err()).contains("990000").contains("unknown division");
        assertThat(malformed.err()).contains("45000");
        assertThat(outside.err()).contains("2027").contains("2004-01-01/2026-12-31");
        assertThat(badDate.err()).contains("2024-02-30").contains("YYYY-MM-DD");
        assertThat(reversed.err()).contains("2024-04-01");
    }

    @Test
    void loadsALocalityLayerFromADirectory(@TempDir Path dir) throws IOException {
        Path county = Files.createDirectories(dir.resolve("451031"));
        Files.writeString(county.resolve("layer.properties"), "name = 某县（测试）\n");
        Files.writeString(county.resolve("2024.csv"), "date,kind,name,source\n2024-05-20,HOLIDAY,县庆,某县测试通知\n");

        Result r = run("calendar", "check", "--locality", "451031", "--layers", dir.toString(), "2024-05-20");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).containsSubsequence(
                "2024-05-20 星期一 / Monday，451031 某县（测试）",
                "类型 / kind: 节假日 / HOLIDAY，不上班 / day off",
                "原因 / why: 放假：县庆 / day off: 县庆",
                "图层 / layer: 451031 某县（测试）",
                "依据 / notice: 某县测试通知");
        assertThat(r.out()).contains("来源 / provider: 内置数据 + 图层目录 / bundled data + layers from " + dir);

        Files.writeString(county.resolve("2024.csv"), "date,kind,name,source\n2024-05-20,HOLIDAY,县庆\n");
        Result broken = run("calendar", "check", "--locality", "451031", "--layers", dir.toString(), "2024-05-20");
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).startsWith("错误 / error: ").contains("2024.csv:2");
    }

    @Test
    void diffListsTheChangedDaysAndTheCasesToRecompute(@TempDir Path dir) throws IOException {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        Path county = Files.createDirectories(layers.resolve("451031"));
        Files.writeString(county.resolve("layer.properties"), "name = 某县（测试）\n");
        Files.writeString(county.resolve("2024.csv"), "date,kind,name,source\n2024-05-20,HOLIDAY,县庆,某县测试通知\n");
        Path cases = dir.resolve("cases.csv");
        Files.writeString(cases, "id,start,due\nA-1,2024-05-06,2024-05-31\nA-2,2024-06-03,2024-06-28\nA-3,2024-04-20,2024-05-20\n");

        Result r = run("calendar", "diff", "--locality", "451031", "--layers", layers.toString(), "--cases", cases.toString());

        DivisionCode code = DivisionCode.parse("451031");
        String before = CalendarRepository.bundled().calendarFor(code, CoveragePolicy.PROVISIONAL).version();
        String after = CalendarRepository.bundled().withLayersFrom(layers).calendarFor(code, CoveragePolicy.PROVISIONAL).version();
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                日历变更 / calendar diff CN-451031@%s → CN-451031@%s: 1 天变化 / days changed
                  2024-05-20 WORKDAY → HOLIDAY 县庆 [layer 451031; 某县测试通知]
                须重算的办件 / cases to recompute: 2 / 3
                  A-1 2024-05-06..2024-05-31: [2024-05-20 WORKDAY → HOLIDAY]
                  A-3 2024-04-20..2024-05-20: [2024-05-20 WORKDAY → HOLIDAY]
                """.formatted(before, after));

        Files.writeString(cases, "id,start,due\nA-1,2024-05-31,2024-05-06\n");
        Result bad = run("calendar", "diff", "--locality", "451031", "--layers", layers.toString(), "--cases", cases.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("错误 / error: " + cases + ":2: due: ").contains("A-1");
    }

    /** Found by CalendarCommandFuzzTest: a cases file that is not UTF-8 was an internal error (exit 3). */
    @Test
    void diffCasesFileInNoKnownEncodingOrMissingIsADataError(@TempDir Path dir) throws IOException {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        Path cases = dir.resolve("cases.csv");
        Files.write(cases, new byte[] {'i', 'd', ',', 's', 't', 'a', 'r', 't', ',', 'd', 'u', 'e', '\n', (byte) 0x81, (byte) 0x30, (byte) 0x81, ','});

        Result r = run("calendar", "diff", "--locality", "450000", "--layers", layers.toString(), "--cases", cases.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("错误 / error: " + cases + ": encoding: 文件既不是 UTF-8 也不是 GB18030 编码");

        Path missing = dir.resolve("missing.csv");
        Result m = run("calendar", "diff", "--locality", "450000", "--layers", layers.toString(), "--cases", missing.toString());
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).isEqualTo("错误 / error: " + missing + ": 文件不存在 / file not found\n");
    }
}
