package org.approvalrules.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.money.Money;
import org.junit.jupiter.api.Test;

class ApprovalCaseTest {

    static final String CASE = "451031-2024-000123";
    static final LocalDateTime APPLIED = LocalDateTime.of(2024, 9, 26, 16, 0);
    static final LocalDateTime ACCEPTED = LocalDateTime.of(2024, 9, 27, 10, 30);

    static ApprovalCase.Builder aCase() {
        return ApprovalCase.builder(CASE)
                .itemCode("11451031MB1234567X4000117004000")
                .locality(DivisionCode.parse("451031"))
                .applicant(ApplicantId.residentId("11010519491231002X"))
                .applied(APPLIED)
                .accepted(ACCEPTED, "某县政务服务中心不动产窗口", "张三", AcceptanceChannel.CENTRE_WINDOW);
    }

    static ApprovalCase.Builder aFinishedCase() {
        return aCase()
                .correction(new CorrectionNotice(APPLIED, APPLIED.plusHours(1), Optional.of(ACCEPTED.minusHours(1))))
                .step(CaseStep.of("审核", "李四", ACCEPTED.plusHours(1), ACCEPTED.plusDays(1), Power.REVIEW))
                .step(CaseStep.of("审批", "王五", ACCEPTED.plusDays(2), ACCEPTED.plusDays(3), Power.APPROVAL))
                .procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, ACCEPTED.plusDays(4), ACCEPTED.plusDays(8)))
                .extension(new Extension(10, Extension.Basis.ART_42_ORDINARY, "某县自然资源局〔2024〕3号",
                        LocalDate.of(2024, 10, 20)))
                .decision(Decision.approved(ACCEPTED.plusDays(20)))
                .delivery(new Delivery(ACCEPTED.plusDays(21), Optional.of("桂（2024）某县不动产权第0001234号")))
                .completed(ACCEPTED.plusDays(21))
                .fee(FeeCharge.of("不动产登记费-住宅", Money.yuan(80)));
    }

    @Test
    void aFullCaseKeepsItsEvents() {
        ApprovalCase c = aFinishedCase().build();
        assertThat(c.acceptedAt()).isEqualTo(ACCEPTED);
        assertThat(c.isCompleted()).isTrue();
        assertThat(c.steps()).extracting(s -> s.power().orElseThrow()).containsExactly(Power.REVIEW, Power.APPROVAL);
        assertThat(c.fees()).singleElement().extracting(FeeCharge::amount).isEqualTo(Money.yuan(80));
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(aCase().build().isCompleted()).isFalse();
        assertThat(aCase().build().decision()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheFullApplicantId() {
        String text = aFinishedCase().build().toString();
        assertThat(text).doesNotContain("11010519491231002X").doesNotContain("19491231").contains("1101************2X");
    }

    @Test
    void acceptanceBeforeApplication() {
        assertOrderError(b -> b.accepted(APPLIED.minusMinutes(1), "窗口", "张三", AcceptanceChannel.ONLINE),
                "acceptance.time", "acceptance is before application");
    }

    @Test
    void completionBeforeAcceptance() {
        assertOrderError(b -> b.completed(ACCEPTED.minusSeconds(1)), "completion", "completion is before acceptance");
    }

    @Test
    void completionBeforeDecision() {
        assertOrderError(b -> b.decision(Decision.approved(ACCEPTED.plusDays(3))).completed(ACCEPTED.plusDays(2)),
                "completion", "completion is before the decision");
    }

    @Test
    void stepEndingBeforeItStarts() {
        assertOrderError(b -> b.step(CaseStep.of("受理", "张三", ACCEPTED, ACCEPTED, Power.ACCEPTANCE))
                        .step(CaseStep.of("审批", "王五", ACCEPTED.plusDays(2), ACCEPTED.plusDays(1), Power.APPROVAL)),
                "steps[1].end", "step '审批' ends before it starts");
    }

    @Test
    void partsBuiltThroughTheBuilderNameTheCase() {
        InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class, () -> aCase()
                .procedure(ProcedureKind.TESTING, ACCEPTED.plusDays(1), ACCEPTED.plusDays(2))
                .procedure(ProcedureKind.HEARING, ACCEPTED.plusDays(5), ACCEPTED.plusDays(4)));
        assertThat(e.caseNumber()).isEqualTo(CASE);
        assertThat(e.field()).isEqualTo("specialProcedures[1].procedure.resumed");
        assertThat(e.getMessage()).startsWith("办件/case " + CASE + ": specialProcedures[1].procedure.resumed: ")
                .contains("procedure ends before it starts").containsOnlyOnce("值/value");
        assertThat(e.getCause()).isInstanceOf(InvalidValueException.class);
        InvalidCaseException s = catchThrowableOfType(InvalidCaseException.class,
                () -> aCase().step("审批", " ", ACCEPTED, ACCEPTED.plusDays(1), Power.APPROVAL));
        assertThat(s.field()).isEqualTo("steps[0].step.handler");
        ApprovalCase c = aCase().procedure(ProcedureKind.TESTING, ACCEPTED.plusDays(1), ACCEPTED.plusDays(2))
                .step("审批", "王五", ACCEPTED, ACCEPTED.plusDays(1), Power.APPROVAL).build();
        assertThat(c.specialProcedures()).singleElement().extracting(SpecialProcedure::kind).isEqualTo(ProcedureKind.TESTING);
        assertThat(c.steps()).singleElement().extracting(CaseStep::handler).isEqualTo("王五");
    }

    @Test
    void decisionBeforeAcceptance() {
        assertOrderError(b -> b.decision(Decision.refused(ACCEPTED.minusHours(1), "材料不符合法定形式")),
                "decision.time", "decision is before acceptance");
    }

    @Test
    void deliveryBeforeDecision() {
        assertOrderError(b -> b.decision(Decision.approved(ACCEPTED.plusDays(2)))
                        .delivery(new Delivery(ACCEPTED.plusDays(1), Optional.empty())),
                "delivery.time", "delivery is before the decision");
    }

    @Test
    void correctionOutOfOrder() {
        assertOrderError(b -> b.correction(new CorrectionNotice(APPLIED, APPLIED.minusHours(1), Optional.empty())),
                "correction.notified", "correction notice is before the materials were received");
        assertOrderError(b -> b.correction(new CorrectionNotice(APPLIED, APPLIED.plusHours(2),
                        Optional.of(APPLIED.plusHours(1)))),
                "correction.correctedReceived", "corrected materials arrived before the notice");
    }

    @Test
    void missingFieldsNameTheCase() {
        assertOrderError(b -> b.locality(null), "locality", "must not be null");
        assertOrderError(b -> b.applicant(null), "applicant", "must not be null");
        assertOrderError(b -> b.acceptance(null), "acceptance", "must not be null");
        assertOrderError(b -> b.itemCode("实施编码"), "itemCode", "ASCII");
        assertOrderError(b -> b.fee(null), "fees[0]", "must not be null");
        InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class,
                () -> ApprovalCase.builder("case 1").build());
        assertThat(e.field()).isEqualTo("caseNumber");
        assertThat(e.getMessage()).contains("case 1");
    }

    @Test
    void eventRecordsCheckTheirOwnFields() {
        assertThat(catchThrowableOfType(InvalidValueException.class,
                () -> Decision.refused(ACCEPTED, " ")).field()).isEqualTo("decision.reasons");
        assertThat(catchThrowableOfType(InvalidValueException.class,
                () -> FeeCharge.of("不动产登记费-住宅", Money.yuan(-80))).field()).isEqualTo("fee.amount");
        assertThat(catchThrowableOfType(InvalidValueException.class,
                () -> new Acceptance(ACCEPTED, "", "张三", AcceptanceChannel.DEPARTMENT)).field())
                .isEqualTo("acceptance.unit");
        assertThat(catchThrowableOfType(InvalidValueException.class,
                () -> new Delivery(ACCEPTED, Optional.of(""))).field()).isEqualTo("delivery.certificateNumber");
        assertThat(new FeeCharge("不动产登记费-住宅", Money.ZERO, Optional.of("财税〔2016〕79号")).exemptionCode())
                .contains("财税〔2016〕79号");
    }

    private static void assertOrderError(UnaryOperator<ApprovalCase.Builder> change, String field, String reason) {
        InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class, () -> change.apply(aCase()).build());
        assertThat(e).as(field).isNotNull();
        assertThat(e.caseNumber()).isEqualTo(CASE);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(CASE).contains(field).contains(reason);
        assertThat(e.getMessage()).doesNotContain("11010519491231002X");
    }
}
