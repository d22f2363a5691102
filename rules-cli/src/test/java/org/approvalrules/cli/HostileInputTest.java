package org.approvalrules.cli;

import org.approvalrules.cli.command.AuthorizationCommand;
import org.approvalrules.cli.command.DeadlineCommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command that reads a file, run on hostile input: a missing file, a directory, an empty file, a header-only
 * file, binary garbage, a GB18030 file, a UTF-8 byte-order mark, a quoted field holding a newline, an impossible
 * date, a date outside the calendars' coverage. Each run must end in one of three ways, the one the table below
 * names for that command and case:
 * <ul>
 *   <li>{@code OK} (exit 0): the same output as for the plain UTF-8 file, nothing on stderr;</li>
 *   <li>{@code ERROR} (exit 2): exactly one line on stderr, {@code 错误 / error: } first, naming the file, and nothing
 *       on stdout (nothing written as if complete);</li>
 *   <li>{@code REJECTS} (exit 3): one line on stderr saying the run is incomplete ({@code 未完成 … / INCOMPLETE}),
 *       and a reject file naming the line.</li>
 * </ul>
 * In every case: no stack trace, no Java class name, no internal error (exit 70).
 */
class HostileInputTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-21T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jdk|sun|org|com|picocli)\\.[a-z]+\\.|Exception\\b|\\tat ");

    enum Outcome { OK, ERROR, REJECTS }

    enum Hostile { MISSING, DIRECTORY, EMPTY, HEADER_ONLY, BINARY, GB18030, BOM, QUOTED_NEWLINE, IMPOSSIBLE_DATE, OUTSIDE_COVERAGE }

    /**
     * A command reading one file: its valid header, a valid record with a Chinese text field and the date given, the
     * same with a quoted field holding a newline, and the arguments that run it on a file.
     */
    record Target(String name, String header, Function<String, String> row, String quotedNewlineRow,
            BiFunction<Path, Path, List<String>> args, Map<Hostile, Outcome> expected, String file) {
        /** A command reading the file {@code input.csv} it is given. */
        Target(String name, String header, Function<String, String> row, String quotedNewlineRow,
                BiFunction<Path, Path, List<String>> args, Map<Hostile, Outcome> expected) {
            this(name, header, row, quotedNewlineRow, args, expected, "input.csv");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GOOD_DATE = "2024-05-06";
    private static final String IMPOSSIBLE = "2024-02-30";
    private static final String OUTSIDE = "1999-03-01";

    private static Map<Hostile, Outcome> outcomes(Outcome headerOnly, Outcome quotedNewline, Outcome badRow, Outcome outside) {
        return Map.of(Hostile.MISSING, Outcome.ERROR, Hostile.DIRECTORY, Outcome.ERROR, Hostile.EMPTY, Outcome.ERROR,
                Hostile.HEADER_ONLY, headerOnly, Hostile.BINARY, Outcome.ERROR, Hostile.GB18030, Outcome.OK, Hostile.BOM, Outcome.OK,
                Hostile.QUOTED_NEWLINE, quotedNewline, Hostile.IMPOSSIBLE_DATE, badRow, Hostile.OUTSIDE_COVERAGE, outside);
    }

    static List<Target> targets() {
        return List.of(
                new Target("deadline --batch", "id,accepted,limit,unit,promised",
                        d -> "办件-1," + d + "T10:30,20,WORKING_DAYS,10", "\"办件\n1\",2024-05-06T10:30,20,WORKING_DAYS,10",
                        (f, dir) -> List.of("deadline", "--batch", f.toString(), "--format", "jsonl", "--as-of", "2024-10-21T12:00",
                                "--rejects", dir.resolve("rejects.tsv").toString()),
                        // a case id holding a line break is valid RFC 4180 and JSON-escaped in jsonl
                        outcomes(Outcome.OK, Outcome.OK, Outcome.REJECTS, Outcome.REJECTS)),
                new Target("intake --log", "办件编号,实施编码,申请者证件号码,受理渠道,渠道名称,受理时间",
                        d -> "GX-1,11451031MB1234567X4000111000001,91451031MA5K00001J,中心窗口,综合窗口," + d + " 09:30:00",
                        "GX-1,11451031MB1234567X4000111000001,91451031MA5K00001J,中心窗口,\"综合\n窗口\",2024-05-06 09:30:00",
                        (f, dir) -> List.of("intake", "--log", f.toString(), "--moves", moves(dir).toString(),
                                "--rejects", dir.resolve("rejects.tsv").toString()),
                        outcomes(Outcome.OK, Outcome.OK, Outcome.REJECTS, Outcome.OK)),
                // the move-in register is configuration-like: a bad line is an error, not a reject
                new Target("intake --moves", "实施编码,进驻日期,仅限中心受理,部门编码",
                        d -> "11451031MB1234567X4000111000001," + d + ",是,县市场监管局",
                        "11451031MB1234567X4000111000001,2024-03-01,是,\"县市场\n监管局\"",
                        (f, dir) -> List.of("intake", "--log", log(dir).toString(), "--moves", f.toString(),
                                "--rejects", dir.resolve("rejects.tsv").toString()),
                        outcomes(Outcome.OK, Outcome.OK, Outcome.ERROR, Outcome.OK)),
                new Target("intake --results", "case_number,item_code,kind,place,at",
                        d -> "GX-1,11451031MB1234567X4000111000001,出证,窗口," + d + "T10:00",
                        "\"GX\n1\",11451031MB1234567X4000111000001,出证,窗口,2024-05-06T10:00",
                        (f, dir) -> List.of("intake", "--log", log(dir).toString(), "--moves", moves(dir).toString(),
                                "--results", f.toString(), "--rejects", dir.resolve("rejects.tsv").toString()),
                        outcomes(Outcome.OK, Outcome.OK, Outcome.REJECTS, Outcome.OK)),
                new Target("calendar diff --cases", "id,start,due",
                        d -> "办件-1," + d + "," + d, "\"办件\n1\",2024-05-06,2024-05-31",
                        (f, dir) -> List.of("calendar", "diff", "--locality", "451031", "--layers", layers(dir).toString(),
                                "--cases", f.toString()),
                        // a case in 1999: no layer changes a day there, so it needs no recomputing (a correct answer)
                        outcomes(Outcome.OK, Outcome.OK, Outcome.ERROR, Outcome.OK)),
                new Target("authorization --table",
                        "部门,事项编码,事项名称,受理权,审核权,审批权,协调处置权,制证权,送达权,应诉代理权,授权文件,生效日期",
                        d -> "市场监管局,MA-001,食品经营许可,是,是,是,是,是,是,是,县市监发〔2024〕3号," + d,
                        "市场监管局,MA-001,\"食品经营\n许可\",是,是,是,是,是,是,是,县市监发〔2024〕3号,2024-05-06",
                        (f, dir) -> List.of("authorization", "--table", f.toString(), "--to", "2024-06-28"),
                        outcomes(Outcome.OK, Outcome.OK, Outcome.ERROR, Outcome.OK)),
                new Target("authorization --chiefs", "部门,姓名,身份证号,任命文件,任命日期,审批决定权,全职进驻",
                        d -> "市场监管局,张三,,县市监任〔2024〕1号," + d + ",是,是",
                        "市场监管局,\"张\n三\",,县市监任〔2024〕1号,2024-05-06,是,是",
                        (f, dir) -> List.of("authorization", "--table", table(dir).toString(), "--chiefs", f.toString(),
                                "--to", "2024-06-28"),
                        outcomes(Outcome.OK, Outcome.OK, Outcome.ERROR, Outcome.OK)),
                new Target("authorization --schedule", "部门,星期或日期,开放,生效日期",
                        d -> "市场监管局,周一,全天," + d,
                        "\"市场\n监管局\",周一,全天,2024-05-06",
                        (f, dir) -> List.of("authorization", "--table", table(dir).toString(), "--schedule", f.toString(),
                                "--from", "2024-06-24", "--to", "2024-06-28"),
                        // a department name holding a line break is another department: still a valid table
                        outcomes(Outcome.OK, Outcome.OK, Outcome.ERROR, Outcome.OK)),
                new Target("fee audit --charges", "收费编号,办件编号,收费标准,日期,数量,当月已申请,申请人类别,减免证明,实收金额,收费方式",
                        d -> "收费-1,办件-1,real-estate.residential," + d + ",3,0,小微企业,书面承诺,0.00,统一收费",
                        "\"收费\n1\",办件-1,real-estate.residential,2024-05-06,3,0,小微企业,书面承诺,0.00,统一收费",
                        (f, dir) -> List.of("fee", "audit", "--charges", f.toString(), "--format", "jsonl",
                                "--rejects", dir.resolve("rejects.tsv").toString()),
                        // 1999: no standard in force, nothing charged: a line with no due and no finding (a correct answer)
                        outcomes(Outcome.OK, Outcome.OK, Outcome.REJECTS, Outcome.OK)),
                // authorization report reads a data directory: each file is optional (missing: not checked, exit 0), a
                // bad line is rejected (exit 3, reject file with the file's name before the line)
                report("items.csv", "item_code,item_name,department,department_name,in_centre_from",
                        d -> "MA-001,食品经营许可,D01,县市场监管局," + d, "MA-001,\"食品经营\n许可\",D01,县市场监管局,2024-05-06"),
                report("delegations.csv", "部门编码,实施编码,权力,授权文件,生效日期,截止日期",
                        d -> "D01,MA-001,审批权,县市监发〔2024〕3号," + d + ",", "D01,MA-001,审批权,\"县市监发\n〔2024〕3号\",2024-05-06,"),
                report("staff.csv", "staff_id,name,department,role,window,appointment_document,from,to,end_reason,powers",
                        d -> "S01,张三,D01,首席代表,W01,县市监任〔2024〕1号," + d + ",,,APPROVAL",
                        "S01,张三,D01,首席代表,W01,\"县市监任\n〔2024〕1号\",2024-05-06,,,APPROVAL"),
                report("schedules.csv", "window,department,days,opens,closes,from,to",
                        d -> "W01,D01,每个工作日,09:00,17:00," + d + ",", "\"综合\n窗口\",D01,每个工作日,09:00,17:00,2024-05-06,"),
                report("steps.csv", "case_number,item_code,step,staff_id,place,window,at",
                        d -> "办件-1,MA-001,APPROVAL,S01,WINDOW,W01," + d + " 10:30:00",
                        "\"办件\n1\",MA-001,APPROVAL,S01,WINDOW,W01,2024-05-06 10:30:00"));
    }

    private static Target report(String file, String header, Function<String, String> row, String quotedNewlineRow) {
        Map<Hostile, Outcome> expected = new java.util.EnumMap<>(outcomes(Outcome.OK, Outcome.OK, Outcome.REJECTS, Outcome.OK));
        expected.put(Hostile.MISSING, Outcome.OK); // an optional file: not checked, and the output says so
        return new Target("authorization report " + file, header, row, quotedNewlineRow,
                (f, dir) -> List.of("authorization", "report", "--data", f.getParent().toString(), "--as-of", "2024-06-28",
                        "--rejects", dir.resolve("rejects.tsv").toString()),
                expected, "data/" + file);
    }

    /** A valid authorization table beside the file under test (chiefs and schedules need one). */
    private static Path table(Path dir) {
        Path f = dir.resolve("table.csv");
        write(f, ("部门,事项编码,事项名称,受理权,审核权,审批权,协调处置权,制证权,送达权,应诉代理权,授权文件,生效日期\n"
                + "市场监管局,MA-001,食品经营许可,是,是,是,是,是,是,是,县市监发〔2024〕3号,2024-01-02\n").getBytes(StandardCharsets.UTF_8));
        return f;
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Target t : targets()) {
            for (Hostile h : Hostile.values()) {
                all.add(Arguments.of(t, h));
            }
        }
        return all.stream();
    }

    private static Path moves(Path dir) {
        Path f = dir.resolve("moves.csv");
        write(f, "实施编码,进驻日期,仅限中心受理\n11451031MB1234567X4000111000001,2024-03-01,是\n".getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static Path log(Path dir) {
        Path f = dir.resolve("log.csv");
        write(f, ("办件编号,实施编码,申请者证件号码,受理渠道,受理时间\n"
                + "GX-1,11451031MB1234567X4000111000001,91451031MA5K00001J,中心窗口,2024-05-06 09:30:00\n")
                .getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static Path layers(Path dir) {
        try {
            return Files.createDirectories(dir.resolve("layers"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path f, byte[] bytes) {
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String f(Target t) {
        return Path.of(t.file()).getFileName().toString();
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ApprovalRulesCommand.commandLine(out, err, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == DeadlineCommand.class) {
                    return cls.cast(new DeadlineCommand(CLOCK));
                }
                if (cls == AuthorizationCommand.class) {
                    return cls.cast(new AuthorizationCommand(CLOCK));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        int code = cl.execute(args.toArray(String[]::new));
        cl.getOut().flush();
        cl.getErr().flush();
        return new Run(code, out.toString(), err.toString());
    }

    /** The file for a hostile case (null path: the file is missing). */
    private static Path hostile(Target t, Hostile h, Path dir) throws IOException {
        Path f = dir.resolve(t.file());
        Files.createDirectories(f.getParent());
        String valid = t.header() + "\n" + t.row().apply(GOOD_DATE) + "\n";
        switch (h) {
            case MISSING -> { }
            case DIRECTORY -> Files.createDirectories(f);
            case EMPTY -> write(f, new byte[0]);
            case HEADER_ONLY -> write(f, (t.header() + "\n").getBytes(StandardCharsets.UTF_8));
            case BINARY -> {
                byte[] garbage = new byte[4096];
                new Random(20261204L).nextBytes(garbage);
                garbage[0] = (byte) 0xFF; // not UTF-8, nor a header any reader knows
                garbage[1] = 0;
                write(f, garbage);
            }
            case GB18030 -> write(f, valid.getBytes(GB18030));
            case BOM -> write(f, ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8));
            case QUOTED_NEWLINE -> write(f, (t.header() + "\n" + t.quotedNewlineRow() + "\n").getBytes(StandardCharsets.UTF_8));
            case IMPOSSIBLE_DATE -> write(f, (t.header() + "\n" + t.row().apply(IMPOSSIBLE) + "\n").getBytes(StandardCharsets.UTF_8));
            case OUTSIDE_COVERAGE -> write(f, (t.header() + "\n" + t.row().apply(OUTSIDE) + "\n").getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalStateException(h.name());
        }
        return f;
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cases")
    void everyCommandBehavesOnHostileInput(Target t, Hostile h, @TempDir Path dir) throws IOException {
        Path file = hostile(t, h, dir);
        Run r = run(t.args().apply(file, dir));
        String context = t + " × " + h + "\nexit " + r.code() + "\nstdout: " + r.out() + "\nstderr: " + r.err();

        assertThat(r.err()).as(context).doesNotContainPattern(CLASS_NAME).doesNotContain("内部错误");
        Outcome expected = t.expected().get(h);
        switch (expected) {
            case OK -> {
                assertThat(r.code()).as(context).isZero();
                assertThat(r.err()).as(context).isEmpty();
                if (h == Hostile.GB18030 || h == Hostile.BOM) {
                    // the same answer as for the plain UTF-8 file
                    Path plain = t.file().equals("input.csv") ? dir.resolve("plain.csv")
                            : Files.createDirectories(dir.resolve("plain")).resolve(file.getFileName());
                    write(plain, (t.header() + "\n" + t.row().apply(GOOD_DATE) + "\n").getBytes(StandardCharsets.UTF_8));
                    Run p = run(t.args().apply(plain, dir));
                    assertThat(p.code()).as(context).isZero();
                    assertThat(r.out()).as(context).isEqualTo(p.out().replace(plain.toString(), file.toString())
                            .replace(plain.getParent().toString(), file.getParent().toString()));
                }
            }
            case ERROR -> {
                assertThat(r.code()).as(context).isEqualTo(2);
                assertThat(r.err().lines()).as(context).hasSize(1)
                        .first().asString().startsWith("错误 / error: ").contains(file.getFileName().toString());
                assertThat(r.out()).as(context).isEmpty();
            }
            case REJECTS -> {
                assertThat(r.code()).as(context).isEqualTo(RecordRun.EXIT_REJECTS);
                assertThat(r.err().lines()).as(context).hasSize(1)
                        .first().asString().startsWith("未完成").contains("INCOMPLETE");
                List<String> rejects = Files.readAllLines(dir.resolve("rejects.tsv"), StandardCharsets.UTF_8);
                assertThat(rejects).as(context).hasSize(2);
                // the line, after the file when the command reads several files (named by the file under test for a
                // data directory)
                assertThat(rejects.get(1)).as(context).matches("(?s)([^\t]+\t)?2\t.*");
                if (!t.file().equals("input.csv")) {
                    assertThat(rejects.get(1)).as(context).startsWith(f(t) + "\t2\t");
                }
            }
            default -> throw new IllegalStateException();
        }
    }
}
