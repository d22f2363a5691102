package org.approvalrules.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's reading of a log file (FastCSV lexing on the second thread, the columns resolved once, the cheaper
 * applicant-id checks, the time by digit positions) passes and rejects exactly the lines the record reading does,
 * with the same line, field and reason, and passes the same values; bad lines of every kind among good ones,
 * including lines FastCSV hands to Commons CSV (a lone CR in a quoted field, spaces after a closing quote).
 */
class IntakeLogReaderPathsTest {

    @TempDir
    Path dir;

    private static final String FIRM = IntakeFixtures.FIRM.value();

    @Test
    void theScanRejectsAndPassesExactlyWhatTheRecordReadingDoes() throws IOException {
        String person = "11010119900307451" + ApplicantId.residentIdCheckChar("11010119900307451");
        String badCheck = FIRM.substring(0, 17) + (FIRM.charAt(17) == '0' ? '1' : '0');
        String log = "办件编号,实施编码,申请者证件号码,受理渠道,渠道名称,受理时间,证件类型\n"
                + "C1,I1," + FIRM + ",窗口,,2024-09-27 10:30:00,\n"
                + "C2,I1," + FIRM.toLowerCase() + ",部门,,2024-09-27T10:30,\n" // lower case: accepted, upper-cased
                + "C3,I1," + badCheck + ",窗口,,2024-09-27,\n" // wrong check character
                + ",I1," + FIRM + ",窗口,,2024-09-27,\n" // no case number
                + "C5,I1," + FIRM + ",柜台,,2024-09-27,\n" // unknown channel
                + "C6,I1," + FIRM + ",窗口,,27.09.2024,\n" // no time
                + "C7,I1," + FIRM + ",分中心,,2024-09-27,\n" // a branch centre without its name
                + "C8,I1," + person + ",窗口,,2024/9/27 8:05,111\n"
                + "C9,I1,E12345678,网上,某部门网站,20240927T103000,414\n"
                + "C10,I1,123456790101001,窗口,,2024-09-27,\n" // a 15-digit card
                + "C11,I1,123456791301001,窗口,,2024-09-27,\n" // a 15-digit card with no date
                + "C12,I1," + person + ",窗口,,2024-09-27,999x\n" // unknown id type
                + "C13,I1," + FIRM + ",窗口,,2024-02-30 10:00:00,\n" // an impossible date
                + "C14,I1," + FIRM + ",窗口,,2024-09-27,,extra\n" // a field beyond the header
                + "\"C15\",\"I\r1\",\"" + FIRM + "\",窗口,,2024-09-27,\n" // a lone CR in a quoted field
                + "\"C16\"  ,I1," + FIRM + ",窗口,,2024-09-27,\n" // spaces after a closing quote
                + "C17,I1," + person + ",部门,,2024-09-28 09:00:00,\n";
        Path file = dir.resolve("log.csv");
        Files.write(file, log.getBytes(StandardCharsets.UTF_8));

        List<Reject> recordRejects = new ArrayList<>();
        List<String> records = new ArrayList<>();
        IntakeLogReader.read(file, (IntakeRecord r) -> records.add(r.caseNumber() + " " + r.itemCode() + " "
                + r.applicant().value() + " " + r.applicant().type() + " " + r.channel() + " " + r.channelName().orElse("-")
                + " " + r.acceptedAt()), Rejects.continuing(recordRejects::add));

        List<Reject> scanRejects = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        IntakeScan scan = new IntakeScan() {
            @Override
            public void add(IntakeRecord record) {
                throw new AssertionError("the reader hands fields, not records");
            }

            @Override
            public void add(String caseNumber, String itemCode, ApplicantId applicant, AcceptanceChannel channel,
                    String channelName, long localSecond, int nano) {
                scanned.add(caseNumber + " " + itemCode + " " + applicant.value() + " " + applicant.type() + " " + channel
                        + " " + Optional.ofNullable(channelName).orElse("-") + " "
                        + java.time.LocalDateTime.ofEpochSecond(localSecond, nano, java.time.ZoneOffset.UTC));
            }

            @Override
            public long records() {
                return scanned.size();
            }

            @Override
            public List<Finding> finish() {
                return List.of();
            }
        };
        long passed = IntakeLogReader.read(file, scan, Rejects.continuing(scanRejects::add), () -> { });

        assertThat(scanRejects).isEqualTo(recordRejects);
        assertThat(scanRejects).extracting(Reject::line).containsExactly(4, 5, 6, 7, 8, 12, 13, 14, 15);
        assertThat(scanned).isEqualTo(records).hasSize((int) passed);
        assertThat(scanned).anySatisfy(s -> assertThat(s).startsWith("C15 I\r1 "))
                .anySatisfy(s -> assertThat(s).startsWith("C16 I1 "))
                .anySatisfy(s -> assertThat(s).startsWith("C2 I1 " + FIRM + " "))
                .anySatisfy(s -> assertThat(s).startsWith("C17 I1 " + person + " RESIDENT_ID DEPARTMENT - 2024-09-28T09:00"));
    }
}
