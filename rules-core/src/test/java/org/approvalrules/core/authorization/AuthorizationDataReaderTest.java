package org.approvalrules.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.CatalogueItem;
import org.approvalrules.api.authorization.Delegation;
import org.approvalrules.api.authorization.EndReason;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.RosterDays;
import org.approvalrules.api.authorization.StaffRole;
import org.approvalrules.api.authorization.StepPlace;
import org.approvalrules.api.authorization.StepRecord;
import org.approvalrules.api.authorization.WindowRoster;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationDataReaderTest {

    private static void write(Path dir, String file, String text, Charset cs) throws IOException {
        Files.write(dir.resolve(file), text.getBytes(cs));
    }

    @Test
    void chineseHeadersInGb18030AndEnglishHeadersReadTheSame(@TempDir Path dir) throws IOException {
        Charset gb = Charset.forName("GB18030");
        write(dir, "items.csv", "实施编码,事项名称,部门编码,部门名称,进驻日期\nA-1,食品经营许可,D01,县市场监管局,2024/3/1\nB-1,档案查阅,D02,县档案馆,\n", gb);
        write(dir, "staff.csv", "人员编号,姓名,部门编码,角色,窗口,任命文件,起始日期,截止日期,离岗原因,权力\n"
                + "S1,张三,D01,首席代表,W1,任〔2024〕1号,2024-01-01,2024-09-30,召回,审批权;制证\n", gb);
        write(dir, "schedules.csv", "window,department,days,opens,closes,from,to\nW1,D01,周一;星期三;FRI,09:00,24:00,2024-01-01,\n"
                + "W1,D01,2024-10-12,,,2024-10-12,2024-10-12\n", StandardCharsets.UTF_8);
        write(dir, "steps.csv", "\uFEFFcase_number,item_code,step,staff_id,place,window,at\nC-1,A-1,受理,S1,窗口,W1,2024-10-08 09:30:00\n",
                StandardCharsets.UTF_8);
        AuthorizationData d = AuthorizationDataReader.read(dir, Rejects.strict());
        assertThat(d.given()).containsExactlyInAnyOrder(AuthorizationData.Part.ITEMS, AuthorizationData.Part.STAFF,
                AuthorizationData.Part.SCHEDULES, AuthorizationData.Part.STEPS);
        assertThat(d.has(AuthorizationData.Part.DELEGATIONS)).isFalse();
        assertThat(d.items()).containsExactly(
                new CatalogueItem("A-1", "D01", Optional.of("县市场监管局"), Optional.of(LocalDate.of(2024, 3, 1))),
                new CatalogueItem("B-1", "D02", Optional.of("县档案馆"), Optional.empty()));
        assertThat(d.staff()).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo(StaffRole.CHIEF_REPRESENTATIVE);
            assertThat(s.endReason()).contains(EndReason.RECALLED);
            assertThat(s.powers()).containsExactlyInAnyOrder(Power.APPROVAL, Power.CERTIFICATION);
            assertThat(s.appointmentDocument()).contains("任〔2024〕1号");
        });
        assertThat(d.rosters()).containsExactly(
                new WindowRoster("W1", "D01", RosterDays.weekdays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)),
                        Optional.of(LocalTime.of(9, 0)), Optional.of(LocalTime.MAX), LocalDate.of(2024, 1, 1), Optional.empty()),
                new WindowRoster("W1", "D01", RosterDays.on(LocalDate.of(2024, 10, 12)), Optional.empty(), Optional.empty(),
                        LocalDate.of(2024, 10, 12), Optional.of(LocalDate.of(2024, 10, 12))));
        assertThat(d.steps()).containsExactly(new StepRecord("C-1", "A-1", Power.ACCEPTANCE, "S1", StepPlace.WINDOW, Optional.of("W1"),
                LocalDateTime.of(2024, 10, 8, 9, 30)));
    }

    @Test
    void aStepBeforeItsCaseIsJudgedByCasesCsvWhenGiven(@TempDir Path dir) throws IOException {
        write(dir, "steps.csv", "case_number,item_code,step,staff_id,place,window,at\nC-1,A-1,REVIEW,S1,DEPARTMENT,,2024-10-08 09:00\n"
                + "C-2,A-1,REVIEW,S1,DEPARTMENT,,2024-10-08 09:00\n", StandardCharsets.UTF_8);
        write(dir, "cases.csv", "case_number,accepted,item_code\nC-1,2024-10-08 10:00,A-1\nC-2,2024-10-07 10:00,A-1\n", StandardCharsets.UTF_8);
        List<Reject> rejects = new ArrayList<>();
        AuthorizationData d = AuthorizationDataReader.read(dir, Rejects.continuing(rejects::add));
        assertThat(d.steps()).extracting(StepRecord::caseNumber).containsExactly("C-2");
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("steps.csv");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.field()).startsWith("at");
            assertThat(r.reason()).contains("2024-10-08T10:00");
        });
    }

    @Test
    void aJsonlFileIsRefusedNotIgnored(@TempDir Path dir) throws IOException {
        write(dir, "staff.jsonl", "{}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuthorizationDataReader.read(dir, Rejects.strict())).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("staff.jsonl").hasMessageContaining("staff.csv");
    }

    @Test
    void theValueTypeRefusesWhatTheReaderRejects() {
        CatalogueItem a = new CatalogueItem("A-1", "D01", Optional.empty(), Optional.of(LocalDate.of(2024, 1, 1)));
        Delegation d = new Delegation("D01", "A-1", Power.APPROVAL, "文1", LocalDate.of(2024, 1, 1), Optional.of(LocalDate.of(2024, 6, 30)));
        Delegation later = new Delegation("D01", "A-1", Power.APPROVAL, "文2", LocalDate.of(2024, 7, 1), Optional.empty());
        Delegation overlapping = new Delegation("D01", "A-1", Power.APPROVAL, "文3", LocalDate.of(2024, 6, 30), Optional.empty());
        Delegation foreign = new Delegation("D02", "A-1", Power.APPROVAL, "文4", LocalDate.of(2024, 1, 1), Optional.empty());
        Delegation unknown = new Delegation("D01", "Z-9", Power.APPROVAL, "文5", LocalDate.of(2024, 1, 1), Optional.empty());
        assertThat(AuthorizationData.of(List.of(a), List.of(d, later), List.of(), List.of(), List.of()).delegations()).hasSize(2);
        assertThatThrownBy(() -> AuthorizationData.of(List.of(a), List.of(later, overlapping), List.of(), List.of(), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("重叠");
        assertThatThrownBy(() -> AuthorizationData.of(List.of(a), List.of(foreign), List.of(), List.of(), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("D01");
        assertThatThrownBy(() -> AuthorizationData.of(List.of(a), List.of(unknown), List.of(), List.of(), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("不在事项目录");
        assertThatThrownBy(() -> new WindowRoster("W1", "D01", RosterDays.EVERY_WORKING_DAY, Optional.of(LocalTime.of(17, 0)),
                Optional.of(LocalTime.of(9, 0)), LocalDate.of(2024, 1, 1), Optional.empty())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("roster.closes");
        StepRecord accepted = new StepRecord("C-1", "A-1", Power.ACCEPTANCE, "S1", StepPlace.WINDOW, Optional.of("W1"),
                LocalDateTime.of(2024, 10, 8, 10, 0));
        StepRecord early = new StepRecord("C-1", "A-1", Power.REVIEW, "S1", StepPlace.DEPARTMENT, Optional.empty(),
                LocalDateTime.of(2024, 10, 8, 9, 0));
        assertThatThrownBy(() -> AuthorizationData.of(List.of(a), List.of(), List.of(), List.of(), List.of(accepted, early)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("早于办件受理");
        // a part not given must be empty: "not checked" is never confused with "nothing recorded"
        assertThatThrownBy(() -> new AuthorizationData(List.of(a), List.of(), List.of(), List.of(), List.of(),
                EnumSet.noneOf(AuthorizationData.Part.class))).isInstanceOf(InvalidValueException.class);
    }
}
