package org.approvalrules.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeLogReaderTest {

    static final String FIRM = IntakeFixtures.FIRM.value();

    private static List<IntakeRecord> read(String csv) {
        List<IntakeRecord> out = new ArrayList<>();
        IntakeLogReader.read(new StringReader(csv), "log.csv", out::add);
        return out;
    }

    @Test
    void gbNamesVendorNamesAndEnglishNamesInAnyOrder() {
        List<IntakeRecord> gb = read("\uFEFF办件编号,实施编码,申请者证件号码,受理渠道,渠道名称,受理时间\n"
                + "C1,I1," + FIRM + ",中心窗口,,2024-09-27 10:30:00\n"
                + "\n"
                + "C2,I1," + FIRM + ",分中心,\"公安分中心, 东区\",20240927T103000\n");
        assertThat(gb).hasSize(2);
        assertThat(gb.get(0).channel()).isEqualTo(AcceptanceChannel.CENTRE_WINDOW);
        assertThat(gb.get(1).channelName()).contains("公安分中心, 东区");
        assertThat(gb.get(1).acceptedAt()).isEqualTo(LocalDateTime.parse("2024-09-27T10:30"));
        List<IntakeRecord> vendor = read("SLSJ,SXBM,SBLSH,channel,applicant_id\n20240927103000,I1,C1,DEPARTMENT," + FIRM + "\n");
        assertThat(vendor.get(0).caseNumber()).isEqualTo("C1");
        assertThat(vendor.get(0).channel()).isEqualTo(AcceptanceChannel.DEPARTMENT);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-09-27T10:30, 2024-09-27T10:30",
        "2024-09-27 10:30:15, 2024-09-27T10:30:15",
        "2024/9/7 8:05, 2024-09-07T08:05",
        "2024-09-27 10:30:15.5, 2024-09-27T10:30:15.500",
        "20240927T103000, 2024-09-27T10:30",
        "20240927103000, 2024-09-27T10:30",
        "202409271030, 2024-09-27T10:30",
        "20240927, 2024-09-27T00:00",
        "2024-09-27, 2024-09-27T00:00"})
    void timesAreReadPermissively(String text, String expected) {
        assertThat(IntakeLogReader.parseTime(text)).isEqualTo(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30 10:00", "2024-09-27 25:00", "2024-09-27T10", "27/09/2024",
        "2024-09/27", "2024092710", "2024-09-27 10:30:", "", "昨天", "20240927T10300"})
    void anythingElseIsRejected(String text) {
        assertThat(IntakeLogReader.parseTime(text)).isNull();
    }

    @Test
    void errorsNameFileLineFieldAndValue() {
        String head = "办件编号,实施编码,申请者证件号码,受理渠道,受理时间\n";
        assertThatThrownBy(() -> read(head + "C1,I1," + FIRM + ",窗口,2024-09-27\nC2,I1," + FIRM + ",柜台,2024-09-27\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("log.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("受理渠道"));
                    assertThat(e.value()).contains("柜台");
                });
        assertThatThrownBy(() -> read(head + "C1,I1," + FIRM + ",窗口,27.09.2024\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("受理时间")));
        String badId = FIRM.substring(0, 17) + (FIRM.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> read(head + "C1,I1," + badId + ",窗口,2024-09-27\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("申请者证件号码"));
                    assertThat(e.getMessage()).doesNotContain(badId);
                });
        assertThatThrownBy(() -> read(head + "C1,I1," + FIRM + ",分中心,2024-09-27\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("channelName")));
        assertThatThrownBy(() -> read("办件编号,实施编码,受理渠道,受理时间\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("申请者证件号码");
                });
        assertThatThrownBy(() -> read("")).isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> read(head + "C1,I1," + FIRM + ",窗口,\"2024-09-27\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.getMessage()).contains("quote"));
        assertThatThrownBy(() -> read(head + ",I1," + FIRM + ",窗口,2024-09-27\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("办件编号")));
    }

    /** A number valid as both kinds, an id-type column that decides, and opaque identifiers: none rejected. */
    @Test
    void theIdTypeColumnDecidesAndNoValidIdentifierIsRejected() {
        String both = "121101198503120060"; // a valid ID number and a valid credit code
        List<IntakeRecord> r = read("办件编号,实施编码,申请者证件号码,证件类型,受理渠道,受理时间\n"
                + "C1,I1," + both + ",111,窗口,2024-09-27\n"
                + "C2,I1," + both + ",统一社会信用代码,部门,2024-09-27\n"
                + "C3,I1," + both + ",,部门,2024-09-27\n"
                + "C4,I1,E12345678,414,部门,2024-09-27\n"
                + "C5,I1,H12345678,,部门,2024-09-27\n"
                + "C6,I1,110105491231002,,部门,2024-09-27\n");
        assertThat(r).extracting(x -> x.applicant().type()).containsExactly(ApplicantId.Type.RESIDENT_ID,
                ApplicantId.Type.CREDIT_CODE, ApplicantId.Type.ID_CARD_OR_CREDIT_CODE, ApplicantId.Type.PASSPORT,
                ApplicantId.Type.HK_MACAO_TAIWAN_PERMIT, ApplicantId.Type.LEGACY_ID_CARD);
        assertThat(r.get(0).applicant()).isEqualTo(r.get(1).applicant()).isEqualTo(r.get(2).applicant());
        assertThat(read("SBLSH,SXBM,applicant_id,id_type,channel,accepted\nC1,I1,E12345678,ORDINARY_PASSPORT,部门,2024-09-27\n"))
                .extracting(x -> x.applicant().type()).containsExactly(ApplicantId.Type.PASSPORT);
        assertThatThrownBy(() -> read("办件编号,实施编码,申请者证件号码,申请者证件类型,受理渠道,受理时间\n"
                + "C1,I1," + both + ",777,窗口,2024-09-27\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("申请者证件类型"));
                });
        assertThatThrownBy(() -> read("办件编号,实施编码,申请者证件号码,证件类型,受理渠道,受理时间\n"
                + "C1,I1,E12345678,111,窗口,2024-09-27\n"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("申请者证件号码"));
                    assertThat(e.getMessage()).doesNotContain("E12345678");
                });
    }

    @Test
    void moveRegister() {
        List<ItemMove> moves = IntakeLogReader.readMoves(new StringReader(
                "实施编码,进驻日期,仅限中心受理\nI1,2024-03-01,是\nI2,20240401,否\nI3,2024-05-01,\n"), "moves.csv");
        assertThat(moves).containsExactly(new ItemMove("I1", LocalDate.of(2024, 3, 1), true),
                new ItemMove("I2", LocalDate.of(2024, 4, 1), false), new ItemMove("I3", LocalDate.of(2024, 5, 1), true));
        assertThatThrownBy(() -> IntakeLogReader.readMoves(new StringReader("item_code,moved_in\nI1,2024-03-01\nI1,2024-04-01\n"),
                "moves.csv")).isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("2");
                });
        assertThatThrownBy(() -> IntakeLogReader.readMoves(new StringReader("item_code,moved_in,centre_only\nI1,2024-03-01,maybe\n"),
                "moves.csv")).isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.value()).contains("maybe"));
    }

    @Test
    void theItemCatalogueServesAsTheRegisterInCsvAndJsonLines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("items.csv"),
                "item_code,item_name,department,in_centre_from,centre_only\nI1,甲,D01,2024-03-01,否\nI2,乙,D02,,\n");
        java.nio.file.Path jsonl = java.nio.file.Files.writeString(dir.resolve("items.jsonl"),
                "{\"item_code\":\"I1\",\"department\":\"D01\",\"in_centre_from\":\"2024-03-01\",\"centre_only\":false}\n"
                        + "{\"item_code\":\"I2\",\"department\":\"D02\",\"in_centre_from\":null}\n");
        for (java.nio.file.Path p : List.of(csv, jsonl)) {
            // I2 is not in the centre (empty in_centre_from): not in the register
            assertThat(IntakeLogReader.readMoves(p)).as(p.toString())
                    .containsExactly(new ItemMove("I1", LocalDate.of(2024, 3, 1), false));
            assertThat(IntakeLogReader.readDepartments(p)).as(p.toString()).containsEntry("I1", "D01");
        }
    }
}
