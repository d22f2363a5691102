package org.approvalrules.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.cases.CorrectionNotice;
import org.approvalrules.api.cases.Decision;
import org.approvalrules.api.cases.Delivery;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineInputException;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.item.HandlingType;
import org.approvalrules.api.item.ItemType;
import org.approvalrules.api.item.ServiceItem;
import org.junit.jupiter.api.Test;

class CaseDeadlineInputsTest {

    private static final String ITEM = "11451031MB1234567X4000117004000";
    private static final LocalDateTime ACCEPTED = LocalDateTime.of(2024, 9, 27, 10, 30);

    private static ServiceItem.Builder item() {
        return ServiceItem.builder(ITEM, "不动产首次登记").basicCode("000117004000").department("某县自然资源局")
                .itemType(ItemType.CONFIRMATION).statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(10))
                .noFee("测试");
    }

    private static ApprovalCase.Builder aCase() {
        return ApprovalCase.builder("451031-2024-000123").itemCode(ITEM).locality(DivisionCode.parse("451031"))
                .applicant(ApplicantId.residentId("11010519491231002X")).applied(ACCEPTED.minusDays(1))
                .accepted(ACCEPTED, "某县政务服务中心", "张三", AcceptanceChannel.CENTRE_WINDOW);
    }

    @Test
    void mapsLimitsAndEvents() {
        ApprovalCase c = aCase()
                .correction(new CorrectionNotice(ACCEPTED.minusDays(1), ACCEPTED.minusHours(20), Optional.of(ACCEPTED.minusHours(2))))
                .procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, LocalDateTime.of(2024, 10, 10, 9, 0),
                        LocalDateTime.of(2024, 10, 15, 9, 0)))
                .decision(Decision.approved(LocalDateTime.of(2024, 10, 21, 10, 0)))
                .delivery(new Delivery(LocalDateTime.of(2024, 10, 22, 10, 0), Optional.empty()))
                .completed(LocalDateTime.of(2024, 10, 22, 10, 0)).build();
        DeadlineInput in = CaseDeadlineInputs.of(c, item().build());
        assertThat(in.caseId()).isEqualTo("451031-2024-000123");
        assertThat(in.statutory()).isEqualTo(TimeLimit.workingDays(20));
        assertThat(in.promised()).contains(TimeLimit.workingDays(10));
        assertThat(in.correctionNotice()).contains(ACCEPTED.minusHours(20));
        assertThat(in.locality()).contains(DivisionCode.parse("451031"));
        DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, TestCalendars.national(CoveragePolicy.STRICT), DeadlinePolicy.DEFAULT,
                LocalDate.of(2024, 11, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        // promised 10 + 4 suspended → 10/22, completed 10/22 10:00 → on time
        assertThat(r.promised().orElseThrow().dueDate()).isEqualTo(LocalDate.of(2024, 10, 22));
        assertThat(r.status()).isEqualTo(DeadlineStatus.COMPLETED_ON_TIME);
    }

    @Test
    void immediateCasesArePromisedImmediate() {
        ApprovalCase c = aCase().handlingType(HandlingType.IMMEDIATE).build();
        assertThat(CaseDeadlineInputs.of(c, item().build()).promised()).contains(TimeLimit.IMMEDIATE);
    }

    @Test
    void aCaseForAnotherItemIsRejected() {
        ServiceItem other = ServiceItem.builder("11451031MB1234567X4000117009999", "其他").basicCode("000117009999")
                .department("某局").itemType(ItemType.CONFIRMATION).statutoryLimit(TimeLimit.workingDays(20))
                .promisedLimit(TimeLimit.workingDays(10)).noFee("测试").build();
        assertThatThrownBy(() -> CaseDeadlineInputs.of(aCase().build(), other)).isInstanceOf(DeadlineInputException.class)
                .hasMessageContaining("451031-2024-000123").hasMessageContaining("itemCode");
    }
}
