package org.approvalrules.cli;

import org.approvalrules.cli.demo.AuthorizationDemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.approvalrules.api.applicant.ApplicantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid identifiers — resident ids with correct check digits (one valid as a credit code too), credit codes with
 * correct check characters, passports, 港澳 permits, a 15-digit legacy card and mobile numbers — are placed in
 * every column of every file type the command reads (and in every option of {@code fee} and {@code deadline}),
 * every command is run through the real entry ({@link ApprovalRulesCommand#commandLine}), and its standard output
 * and error are searched for any full identifier, in any letter case. Each run puts a different identifier first
 * (the one an error stops at) and the others on the following rows (the ones a successful run echoes).
 *
 * <p>Not covered: the bare 8-digit 台胞证 number, which free-text masking does not recognise (see
 * {@code Masking}); as an {@code ApplicantId} it is masked like every other identifier.
 */
class IdentifiersNeverLeaveTest {

    @TempDir
    static Path dir;

    static final List<String> IDS = identifiers(new Random(20261204L));
    private static int runs;

    /** Generated with check characters computed by {@link ApplicantId}, verified below. */
    static List<String> identifiers(Random r) {
        List<String> ids = new ArrayList<>();
        String[] regions = {"110105", "450103", "451031", "310115", "440305"};
        for (int i = 0; i < 3; i++) {
            String first17 = regions[r.nextInt(regions.length)] + String.format("%04d%02d%02d%03d",
                    1940 + r.nextInt(70), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
            ids.add(first17 + ApplicantId.residentIdCheckChar(first17));
        }
        for (int seq = 0; ; seq++) { // one ending in X
            String first17 = "45010319880808" + String.format("%03d", seq);
            if (ApplicantId.residentIdCheckChar(first17) == 'X') {
                ids.add(first17 + 'X');
                break;
            }
        }
        ids.add("121101198503120060"); // valid as an ID number and as a credit code
        String charset = ApplicantId.CREDIT_CODE_CHARSET;
        for (int i = 0; i < 3; i++) {
            StringBuilder b = new StringBuilder(i == 0 ? "91" : i == 1 ? "12" : "52").append(regions[r.nextInt(regions.length)]);
            for (int k = 0; k < 9; k++) {
                b.append(charset.charAt(r.nextInt(charset.length())));
            }
            ids.add(b.toString() + ApplicantId.creditCodeCheckChar(b));
        }
        ids.add(ids.get(ids.size() - 1).toLowerCase(Locale.ROOT));
        ids.add("E" + digits(r, 8));
        ids.add("G" + digits(r, 8));
        ids.add("H" + digits(r, 8));
        ids.add("M" + digits(r, 10));
        ids.add("C" + digits(r, 8));
        ids.add("110105" + String.format("%02d%02d%02d", 40 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28))
                + digits(r, 3));
        ids.add("1" + (3 + r.nextInt(7)) + digits(r, 9));
        ids.add("+861" + (3 + r.nextInt(7)) + digits(r, 9));
        return List.copyOf(ids);
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    @BeforeAll
    static void theIdentifiersAreValid() {
        for (String id : IDS) {
            if (!id.startsWith("+86") && !(id.length() == 11 && id.charAt(0) == '1')) {
                assertThat(ApplicantId.parse(id).value()).isEqualTo(id.toUpperCase(Locale.ROOT));
            }
        }
        assertThat(IDS.stream().filter(ApplicantId::isValid).count()).isGreaterThanOrEqualTo(9);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ApprovalRulesCommand.commandLine(out, err).execute(args);
        runs++;
        Run r = new Run(code, out.toString(), err.toString());
        String shown = (r.out() + "\n" + r.err()).toUpperCase(Locale.ROOT);
        for (String id : IDS) {
            String bare = id.startsWith("+86") ? id.substring(3) : id;
            assertThat(shown).as("%s shown in full by %s%n%s", id, String.join(" ", args), r.out() + r.err())
                    .doesNotContain(bare.toUpperCase(Locale.ROOT));
        }
        return r;
    }

    /** Writes {@code csv} with column {@code column} of every data row replaced, rotation {@code turn} first. */
    private static Path withIdsIn(String name, String csv, int column, int turn) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean header = true;
        int row = 0;
        for (String line : csv.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#") || header) {
                header &= line.isEmpty() || line.startsWith("#");
                b.append(line).append('\n');
                continue;
            }
            String[] cells = line.split(",", -1);
            if (column < cells.length) {
                cells[column] = IDS.get((turn + row++) % IDS.size());
            }
            b.append(String.join(",", cells)).append('\n');
        }
        Path p = dir.resolve("run" + runs + "-" + name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static int columns(String csv) {
        for (String line : csv.split("\n")) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                return line.split(",", -1).length;
            }
        }
        throw new AssertionError("no header");
    }

    private static String resource(String path) throws IOException {
        return new String(AuthorizationDemo.class.getClassLoader().getResourceAsStream("org/approvalrules/cli/demo/" + path)
                .readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Every (column, rotation) of {@code csv}: 3 rotations per column, so each identifier leads somewhere. */
    private interface Runner {
        void run(Path file) throws IOException;
    }

    private static void everyColumn(String name, String csv, Runner runner) throws IOException {
        int n = columns(csv);
        for (int c = 0; c < n; c++) {
            for (int turn = c; turn < IDS.size() + c; turn += Math.max(1, IDS.size() / 3)) {
                runner.run(withIdsIn(name, csv, c, turn));
            }
        }
    }

    @Test
    void intakeLogAndMoveRegister() throws IOException {
        String log = resource("intake/sample-log.csv");
        String moves = resource("intake/sample-moves.csv");
        Path movesFile = withIdsIn("moves.csv", moves, 99, 0);
        Path logFile = withIdsIn("log.csv", log, 99, 0);
        assertThat(run("intake", "--log", logFile.toString(), "--moves", movesFile.toString()).code()).isZero();
        everyColumn("log.csv", log, f -> {
            run("intake", "--log", f.toString(), "--moves", movesFile.toString(), "--format", "jsonl");
            run("intake", "--log", f.toString(), "--moves", movesFile.toString());
        });
        // the applicant column: every identifier is accepted and the findings still come out
        Path applicants = withIdsIn("log.csv", log, 2, 0);
        assertThat(run("intake", "--log", applicants.toString(), "--moves", movesFile.toString()).code()).isZero();
        everyColumn("moves.csv", moves, f -> run("intake", "--log", logFile.toString(), "--moves", f.toString()));
    }

    @Test
    void authorizationTables() throws IOException {
        String table = resource("authorization/authorizations.csv");
        String chiefs = resource("authorization/chiefs.csv");
        String schedule = resource("authorization/schedule.csv");
        Path t = withIdsIn("t.csv", table, 99, 0);
        Path c = withIdsIn("c.csv", chiefs, 99, 0);
        Path s = withIdsIn("s.csv", schedule, 99, 0);
        String[] period = {"--locality", "451031", "--from", "2024-09-09", "--to", "2024-09-20"};
        assertThat(run(concat(new String[] {"authorization", "--table", t.toString(), "--chiefs", c.toString(),
            "--schedule", s.toString()}, period)).code()).isZero();
        everyColumn("t.csv", table, f -> run(concat(new String[] {"authorization", "--table", f.toString(), "--chiefs",
            c.toString(), "--schedule", s.toString(), "--format", "json"}, period)));
        everyColumn("c.csv", chiefs, f -> run(concat(new String[] {"authorization", "--table", t.toString(), "--chiefs",
            f.toString(), "--schedule", s.toString()}, period)));
        everyColumn("s.csv", schedule, f -> run(concat(new String[] {"authorization", "--table", t.toString(), "--chiefs",
            c.toString(), "--schedule", f.toString()}, period)));
    }

    @Test
    void deadlineBatchAndOptions() throws IOException {
        String batch = "id,accepted,limit,unit,promised,procedures,extend,as_of\n"
                + "A1,2024-09-27T10:30,20,WORKING_DAYS,10,2024-10-10/2024-10-15:EXPERT_REVIEW,,2024-10-21T12:00\n"
                + "A2,2024-09-20T10:00,15,CALENDAR_DAYS,,,,2024-09-21\n"
                + "A3,2024-09-20T10:00,15,WORKING_DAYS,,,,2024-09-21\n";
        assertThat(run("deadline", "--batch", withIdsIn("b.csv", batch, 99, 0).toString()).code()).isZero();
        everyColumn("b.csv", batch, f -> {
            run("deadline", "--batch", f.toString(), "--format", "jsonl");
            run("deadline", "--batch", f.toString());
        });
        String[] options = {"--accepted", "2024-09-30T16:00", "--limit", "3", "--unit", "WORKING_DAYS", "--promised", "2",
            "--extend", "1", "--as-of", "2024-10-01T12:00:00+08:00", "--locality", "000000"};
        everyOption("deadline", options);
    }

    @Test
    void calendarLayersAndCases() throws IOException {
        Path layers = Files.createDirectories(dir.resolve("layers/451031"));
        Files.writeString(layers.resolve("layer.properties"), "name = 某县（测试）\n");
        String days = "date,kind,name,source\n2024-05-20,HOLIDAY,县庆,某县测试通知\n";
        String cases = "id,start,due\nA-1,2024-05-06,2024-05-31\nA-2,2024-06-03,2024-06-28\nA-3,2024-04-20,2024-05-20\n";
        Files.writeString(layers.resolve("2024.csv"), days);
        everyColumn("cases.csv", cases, f -> run("calendar", "diff", "--locality", "451031", "--layers",
                layers.getParent().toString(), "--cases", f.toString()));
        everyColumn("days.csv", days, f -> {
            Files.copy(f, layers.resolve("2024.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            run("calendar", "check", "--locality", "451031", "--layers", layers.getParent().toString(), "2024-05-20");
            run("calendar", "diff", "--locality", "451031", "--layers", layers.getParent().toString());
        });
        for (String id : IDS) {
            run("calendar", "check", "--locality", id, "2024-05-20");
            run("calendar", "check", "--locality", "451031", id);
            run("calendar", "export", "--locality", "000000", "--from", id, "--to", "2024-05-20");
        }
    }

    @Test
    void feeOptions() {
        String[] options = {"--standard", "real-estate.residential", "--quantity", "3", "--date", "2024-05-06",
            "--charged", "110", "--collected-through", "department", "--applicant-category", "INDIVIDUAL",
            "--evidence", "SMALL_MICRO", "--locality", "000000"};
        assertThat(run("fee", "--standard", "real-estate.residential", "--quantity", "3", "--date", "2024-05-06").code())
                .isZero();
        everyOption("fee", options);
    }

    @Test
    void packYamlValues() throws IOException {
        String[] yaml = {
            "pack: %s\nlayer: \"451031\"\nversion: \"1\"\n",
            "pack: t\nlayer: \"%s\"\nversion: \"1\"\n",
            "pack: t\nlayer: \"451031\"\nversion: \"%s\"\n"};
        String[] params = {
            "deadline.yellow.remaining-working-days:\n  values:\n    2024-01-01: {value: %s, reference: \"县文件\"}\n",
            "deadline.yellow.remaining-working-days:\n  values:\n    2024-01-01: {value: 1, reference: \"%s\"}\n",
            "intake.branch-centres:\n  values:\n    2024-01-01: {value: [\"%s\"], reference: \"县文件\"}\n",
            "%s:\n  values:\n    2024-01-01: {value: 1, reference: \"县文件\"}\n"};
        // each (manifest field, parameter slot) pair gets 3 identifiers in rotation: every identifier is used
        int slot = 0;
        for (int m = 0; m < yaml.length; m++) {
            for (int p = 0; p < params.length; p++, slot++) {
                for (int k = 0; k < 3; k++) {
                    String id = IDS.get((slot + k * 7) % IDS.size());
                    Path packs = dir.resolve("packs" + runs);
                    Files.createDirectories(packs.resolve("451031/parameters"));
                    Files.writeString(packs.resolve("451031/manifest.yaml"), String.format(yaml[m], id));
                    Files.writeString(packs.resolve("451031/parameters/p.yaml"), String.format(params[p], id));
                    run("rules", "check", "--packs", packs.toString());
                    if (m == 0 && k == 0) {
                        run("rules", "explain", "--packs", packs.toString(), "--locality", "451031");
                        run("deadline", "--packs", packs.toString(), "--locality", "451031", "--accepted",
                                "2024-09-30T16:00", "--limit", "3", "--unit", "WORKING_DAYS");
                    }
                }
            }
        }
    }

    /** Runs {@code command} once per (option value, identifier), the identifier replacing that value. */
    private static void everyOption(String command, String[] options) {
        for (int i = 1; i < options.length; i += 2) {
            for (String id : IDS) {
                String[] args = options.clone();
                args[i] = id;
                run(concat(new String[] {command}, args));
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
