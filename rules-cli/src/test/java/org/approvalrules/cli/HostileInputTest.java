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
            BiFunction<Path, Path, List<String>> args, Map<Hostile, Outcome> expected) {
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
                        outcomes(Outcome.OK, Outcome.OK, Outcome.ERROR, Outcome.OK)));
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
        Path f = dir.resolve("input.csv");
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
                    Path plain = dir.resolve("plain.csv");
                    write(plain, (t.header() + "\n" + t.row().apply(GOOD_DATE) + "\n").getBytes(StandardCharsets.UTF_8));
                    Run p = run(t.args().apply(plain, dir));
                    assertThat(p.code()).as(context).isZero();
                    assertThat(r.out()).as(context).isEqualTo(p.out().replace(plain.toString(), file.toString()));
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
                // the line (after the file, when the command reads several files)
                assertThat(rejects.get(1)).as(context).matches("(?s)([^\t]+\t)?2\t.*");
            }
            default -> throw new IllegalStateException();
        }
    }
}
