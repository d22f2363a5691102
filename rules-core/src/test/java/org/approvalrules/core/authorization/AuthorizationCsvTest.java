package org.approvalrules.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.AuthorizedPerson;
import org.approvalrules.api.authorization.ChiefRepresentative;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.authorization.WindowSchedule;
import org.approvalrules.api.authorization.WindowStaffing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationCsvTest {
    static final String HEADER = "部门,事项编码,受理权,审核权,审批权,协调处置权,制证权,送达权,应诉代理权,授权文件,生效日期\n";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static DataFormatException authError(String text) {
        return catchThrowableOfType(DataFormatException.class, () -> AuthorizationCsv.authorizations("t.csv", utf8(text)));
    }

    @Test
    void readsAnExcelSavedUtf8TableWithBomCrlfSlashDatesAndMixedYesNo() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("authorizations-excel-utf8.csv")) {
            bytes = in.readAllBytes();
        }
        List<WindowAuthorization> a = AuthorizationCsv.authorizations("authorizations-excel-utf8.csv", bytes);
        assertThat(a).hasSize(3);
        assertThat(a.get(0)).isEqualTo(new WindowAuthorization("市场监管局", "MA-001", EnumSet.allOf(Power.class),
                "县市监发〔2024〕3号", LocalDate.of(2024, 1, 1)));
        assertThat(a.get(1).powers()).isEqualTo(EnumSet.complementOf(EnumSet.of(Power.APPROVAL)));
        assertThat(a.get(2).powers()).isEqualTo(EnumSet.of(Power.ACCEPTANCE, Power.REVIEW, Power.COORDINATION, Power.DELIVERY, Power.LITIGATION));
        assertThat(a.get(2).effectiveFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void readsAGb18030FileAsExcelWritesPlainCsvOnAChineseSystem() {
        String text = "department,item_code,acceptance,review,approval,coordination,certification,delivery,litigation,document,effective_from\n"
                + "税务局,TX-1,是,是,否,是,否,是,是,税发〔2024〕1号,2024-05-06\n";
        List<WindowAuthorization> a = AuthorizationCsv.authorizations("gbk.csv", text.getBytes(Charset.forName("GB18030")));
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.department()).isEqualTo("税务局");
            assertThat(x.powers()).doesNotContain(Power.APPROVAL, Power.CERTIFICATION).hasSize(5);
        });
    }

    @Test
    void errorsNameFileLineColumnAndValue() {
        DataFormatException e = authError(HEADER + "市场监管局,MA-1,是,是,也许,是,是,是,是,文,2024-01-01\n");
        assertThat(e.file()).isEqualTo("t.csv");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).contains("审批权/approval");
        assertThat(e.value()).contains("也许");

        e = authError(HEADER + "# comment\n\n市场监管局,MA-1,是,是,是,是,是,是,是,文,2024-02-30\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("生效日期").contains("2024-02-30").contains("日期不存在");

        e = authError(HEADER + "市场监管局,ma-1,是,是,是,是,是,是,是,文,2024-01-01\n");
        assertThat(e.field().orElseThrow()).contains("authorization.itemCode");
        assertThat(e.value()).contains("ma-1");

        e = authError(HEADER + "市场监管局,MA-1,是,是,是,是,是,是,是,文,2024-01-01\n市场监管局,MA-1,是,是,是,是,是,是,是,文2,2024-01-01\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("第 2 行");

        e = authError(HEADER + "市场监管局,MA-1,是,是,是,是,是,是,是,县发〔2024〕1号,2号,2024-01-01\n");
        assertThat(e.getMessage()).contains("引号");

        e = authError(HEADER.replace(",应诉代理权", ""));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.value()).contains("应诉代理权/litigation");

        e = authError(HEADER.replace("授权文件", "备注"));
        assertThat(e.getMessage()).contains("未知列名").contains("备注");

        e = authError(HEADER + "市场监管局,MA-1,是,是,是,是,是,是,是,,2024-01-01\n");
        assertThat(e.field()).contains("授权文件/document");

        e = authError("");
        assertThat(e.getMessage()).contains("表头");

        e = catchThrowableOfType(DataFormatException.class,
                () -> AuthorizationCsv.authorizations("bad.csv", new byte[] {(byte) 0x81, (byte) 0x20, (byte) 0xff}));
        assertThat(e.field()).contains("encoding");
    }

    @Test
    void chiefsMaskTheIdentityNumberEvenInErrors() {
        String header = "部门,姓名,身份证号,任命文件,任命日期,审批决定权,全职进驻\n";
        List<ChiefRepresentative> c = AuthorizationCsv.chiefs("c.csv", utf8(header
                + "市场监管局,张三,11010519491231002X,县市监任〔2024〕1号,2024-01-02,是,否\n卫健委,王五,,卫任〔2024〕2号,2024/3/1,否,是\n"));
        assertThat(c).hasSize(2);
        assertThat(c.get(0).idNumber()).isPresent();
        assertThat(c.get(0).fullTime()).isFalse();
        assertThat(c.get(0).toString()).doesNotContain("11010519491231002X");
        assertThat(c.get(1).idNumber()).isEmpty();
        assertThat(c.get(1).holdsApprovalPower()).isFalse();

        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> AuthorizationCsv.chiefs("c.csv",
                utf8(header + "市场监管局,张三,110105194912310021,县市监任〔2024〕1号,2024-01-02,是,否\n")));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).doesNotContain("110105194912310021");
        assertThat(e.value().orElseThrow()).doesNotContain("110105194912310021");
    }

    @Test
    void personsWithPowerListsAndOptionalItemAndEnd() {
        String text = "部门,处理人,事项编码,权力,起始日期,截止日期\n市场监管局,张三,MA-001,审批权;制证权,2024-01-01,\n"
                + "市场监管局,李四,,APPROVAL、受理,2024-01-01,2024-06-30\n";
        List<AuthorizedPerson> p = AuthorizationCsv.persons("p.csv", utf8(text));
        assertThat(p.get(0)).isEqualTo(new AuthorizedPerson("市场监管局", "张三", Optional.of("MA-001"),
                EnumSet.of(Power.APPROVAL, Power.CERTIFICATION), LocalDate.of(2024, 1, 1), Optional.empty()));
        assertThat(p.get(1).itemCode()).isEmpty();
        assertThat(p.get(1).powers()).containsExactlyInAnyOrder(Power.APPROVAL, Power.ACCEPTANCE);
        assertThat(p.get(1).until()).contains(LocalDate.of(2024, 6, 30));

        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> AuthorizationCsv.persons("p.csv",
                utf8("部门,处理人,权力,起始日期\n市场监管局,张三,签字权,2024-01-01\n")));
        assertThat(e.value()).contains("签字权");
        e = catchThrowableOfType(DataFormatException.class, () -> AuthorizationCsv.persons("p.csv",
                utf8("部门,处理人,权力,起始日期,截止日期\n市场监管局,张三,审批权,2024-01-01,2023-12-31\n")));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("截止日早于起始日");
    }

    @Test
    void schedulesGroupWeekdayRowsIntoPatternsAndDatesIntoExceptions() {
        String text = "部门,星期或日期,开放,生效日期\n安监局,周二,全天,2024-01-01\n安监局,周四,上午,2024-01-01\n"
                + "安监局,周一,全天,2024-07-01\n安监局,TUE,FULL_DAY,2024-07-01\n安监局,2024-09-14,全天,\n药监局,星期日,不开放,2024-01-01\n";
        List<WindowSchedule> s = AuthorizationCsv.schedules("s.csv", utf8(text));
        assertThat(s).extracting(WindowSchedule::department).containsExactly("安监局", "药监局");
        WindowSchedule a = s.get(0);
        assertThat(a.patterns()).hasSize(2);
        assertThat(a.patterns().get(0).days()).containsEntry(DayOfWeek.THURSDAY, WindowStaffing.MORNING).hasSize(2);
        assertThat(a.staffingOn(LocalDate.of(2024, 7, 4))).contains(WindowStaffing.CLOSED); // Thursday in the second pattern
        assertThat(a.staffingOn(LocalDate.of(2024, 9, 14))).contains(WindowStaffing.FULL_DAY);
        assertThat(a.staffingOn(LocalDate.of(2023, 12, 31))).isEmpty();

        DataFormatException e = catchThrowableOfType(DataFormatException.class,
                () -> AuthorizationCsv.schedules("s.csv", utf8("部门,星期或日期,开放,生效日期\n安监局,周二,全天,\n")));
        assertThat(e.field()).contains("起始日期/from");
        e = catchThrowableOfType(DataFormatException.class,
                () -> AuthorizationCsv.schedules("s.csv", utf8("部门,星期或日期,开放,生效日期\n安监局,2024-09-14,全天,\n")));
        assertThat(e.getMessage()).contains("缺少按星期的安排");
        e = catchThrowableOfType(DataFormatException.class,
                () -> AuthorizationCsv.schedules("s.csv", utf8("部门,星期或日期,开放,生效日期\n安监局,周八,全天,2024-01-01\n")));
        assertThat(e.value()).contains("周八");
        e = catchThrowableOfType(DataFormatException.class,
                () -> AuthorizationCsv.schedules("s.csv", utf8("部门,星期或日期,开放,生效日期\n安监局,周二,半天,2024-01-01\n")));
        assertThat(e.value()).contains("半天");
        e = catchThrowableOfType(DataFormatException.class, () -> AuthorizationCsv.schedules("s.csv",
                utf8("部门,星期或日期,开放,生效日期\n安监局,周二,全天,2024-01-01\n安监局,星期二,上午,2024-01-01\n")));
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void readBuildsTablesFromFilesAndAMissingFileIsADataError(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, HEADER + "市场监管局,MA-1,是,是,是,是,是,是,是,文,2024-01-01\n");
        Path sched = dir.resolve("s.csv");
        Files.writeString(sched, "部门,星期或日期,开放,生效日期\n市场监管局,周一,全天,2024-01-01\n");
        AuthorizationTables t = AuthorizationCsv.read(table, Optional.empty(), Optional.empty(), Optional.of(sched));
        assertThat(t.authorizations()).hasSize(1);
        assertThat(t.schedules()).hasSize(1);
        DataFormatException e = catchThrowableOfType(DataFormatException.class,
                () -> AuthorizationCsv.read(table, Optional.of(dir.resolve("missing.csv")), Optional.empty(), Optional.empty()));
        assertThat(e.file()).endsWith("missing.csv");
    }
}
