package org.approvalrules.testkit.gen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.approvalrules.api.applicant.ApplicantId;

/**
 * Writes a seeded, realistic intake log of any size with planted patterns, for benchmarks and scale runs
 * ({@code java -cp … org.approvalrules.testkit.gen.IntakeLogGenerator RECORDS DIR [SEED]}): {@code DIR/intake-log.csv}
 * (GB/T 39046 headers; 2024, in no order) and {@code DIR/moves.csv} (200 items: 120 centre-only since 2023-01-01, 40
 * allowed at the department, 40 not in the register). Channels: about 70 % centre window, 15 % online, 10 %
 * department, 5 % branch centres (县公安分中心, 某街道服务点). Applicants are drawn from a pool of one per four records
 * (credit codes and ID numbers with valid check characters, and passports). Planted, and counted in the result: about
 * 1 % of records are followed by the same applicant and item at the other end 0–20 days later (两头受理 candidates),
 * and about 2 % are exported a second time by the department's system under the same case number (one case). The same
 * seed and size give the same bytes.
 */
public final class IntakeLogGenerator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int ITEMS = 200;
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 8, 0);

    /**
     * What was written.
     *
     * @param records lines of the log (without the header)
     * @param pairs planted other-end acceptances of the same applicant and item
     * @param copies planted second exports of a case under the same number
     */
    public record Planted(long records, long pairs, long copies) {
    }

    private IntakeLogGenerator() {
    }

    /** The item code of item {@code i} (0–199). */
    public static String item(int i) {
        return String.format("11451031MB1234567X40001110%05d", i);
    }

    /** Writes the move-in register of the generated items to {@code file}. */
    public static void writeMoves(Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("实施编码,进驻日期,仅限中心受理\n");
            for (int i = 0; i < 160; i++) {
                w.write(item(i) + ",2023-01-01," + (i < 120 ? "是" : "否") + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a log of about {@code records} lines to {@code file} from {@code seed}. */
    public static Planted writeLog(Path file, long records, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int pool = (int) Math.max(16, Math.min(4_000_000, records / 4));
        long written = 0;
        long pairs = 0;
        long copies = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write("办件编号,实施编码,申请者证件号码,受理渠道,渠道名称,受理时间\n");
            while (written < records) {
                String caseNumber = "GX-" + written;
                String item = item(random.nextInt(ITEMS));
                String applicant = applicant(random.nextInt(pool));
                int c = random.nextInt(100);
                String channel = c < 70 ? "中心窗口" : c < 85 ? "网上" : c < 95 ? "部门" : "分中心";
                String name = c < 95 ? "" : random.nextBoolean() ? "县公安分中心" : "某街道服务点";
                LocalDateTime at = START.plusMinutes(random.nextInt(366 * 24 * 60));
                line(w, caseNumber, item, applicant, channel, name, at);
                written++;
                int planted = random.nextInt(100);
                if (planted == 0 && written < records) {
                    String other = channel.equals("部门") ? "中心窗口" : "部门";
                    line(w, "GX-" + written, item, applicant, other, "", at.plusDays(random.nextInt(21)).plusMinutes(7));
                    written++;
                    pairs++;
                } else if (planted <= 2 && written < records && !channel.equals("部门")) {
                    line(w, caseNumber, item, applicant, "部门", "", at.plusMinutes(20));
                    written++;
                    copies++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Planted(written, pairs, copies);
    }

    /** Applicant {@code k} of the pool: a credit code, an ID number or (1 in 50) a passport, all valid. */
    static String applicant(int k) {
        if (k % 50 == 49) {
            return "E" + String.format("%08d", k % 100_000_000);
        }
        if (k % 2 == 0) {
            String first17 = "91451031" + String.format("%09d", k);
            return first17 + ApplicantId.creditCodeCheckChar(first17);
        }
        String first17 = "450102" + (1950 + k % 50) + String.format("%02d%02d", 1 + k % 12, 1 + k % 28)
                + String.format("%03d", k % 1000);
        return first17 + ApplicantId.residentIdCheckChar(first17);
    }

    private static void line(BufferedWriter w, String caseNumber, String item, String applicant, String channel, String name,
            LocalDateTime at) throws IOException {
        w.write(caseNumber);
        w.write(',');
        w.write(item);
        w.write(',');
        w.write(applicant);
        w.write(',');
        w.write(channel);
        w.write(',');
        w.write(name);
        w.write(',');
        w.write(TIME.format(at));
        w.write('\n');
    }

    /** {@code RECORDS DIR [SEED]}: writes {@code DIR/intake-log.csv} and {@code DIR/moves.csv}; prints what was planted. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("用法 / usage: IntakeLogGenerator RECORDS DIR [SEED]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[1]));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261204L;
        writeMoves(dir.resolve("moves.csv"));
        Planted p = writeLog(dir.resolve("intake-log.csv"), Long.parseLong(args[0].replace("_", "")), seed);
        System.out.println(p);
    }
}
