package org.approvalrules.api.cases;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.item.HandlingType;
import org.approvalrules.api.item.ItemCodes;

/**
 * One case (办件): one application for one service item by one applicant, with the events recorded so
 * far, mapped to the GB/T 39046 case record. Times are {@link LocalDateTime}s in the local civil time of
 * the locality, as the records hold them. Immutable and thread-safe; equality by all fields. Build with
 * {@link #builder(String)}.
 *
 * <p>Checked at construction, each failure an {@link InvalidCaseException} naming the case number and
 * the field: every required field present; codes well formed; acceptance not before application;
 * decision not before acceptance; delivery not before the decision; completion not before acceptance
 * nor before the decision; a step not ending before it starts; a correction notice not before the
 * materials were received and the corrected materials not before the notice; the recorded promised
 * completion not before acceptance. What is legal but suspicious (a suspension starting exactly at
 * acceptance, recorded after the deadline, a late correction notice, a step signed by someone without
 * the power) is left to the rules, which report findings.
 *
 * @param caseNumber 办件编号 (old exchange field SBLSH)
 * @param itemCode 实施编码 of the service item (old field SXBM); see {@link org.approvalrules.api.item.ServiceItem}
 * @param locality 行政区划: where the case is handled; selects the calendar and the rule layers
 * @param applicant 申请者证件类型 + 申请者证件号码 (masked in every text form)
 * @param handlingType 办件类型 (A.6) as recorded on the case; empty when the record does not say (the item's applies)
 * @param application 申请时间
 * @param acceptance 受理时间, 受理单位, 受理人员 and channel (old field SLSJ)
 * @param promisedCompletion 承诺办结时间 as recorded by the source system (the deadline engine computes its own and
 *     can compare); empty when not recorded
 * @param steps 办理环节 (环节名称, 处理人, 开始/结束时间), in recorded order
 * @param correction 补正告知 (Art. 32), empty when no correction was asked for
 * @param specialProcedures 特别程序 other than extensions (A.7 code 2: 听证, 检验, 鉴定, 专家评审…)
 * @param extensions 延长审批 (A.7 code 1)
 * @param decision 审批决定, empty while undecided
 * @param delivery 办理结果送达 with 结果证照编号, empty while undelivered
 * @param completion 办结时间 (old field BJSJ), empty while open
 * @param fees 收费 (是否收费 is {@code !fees.isEmpty()}; old field SFJE is the total)
 */
public record ApprovalCase(String caseNumber, String itemCode, DivisionCode locality, ApplicantId applicant,
        Optional<HandlingType> handlingType, Application application, Acceptance acceptance,
        Optional<LocalDateTime> promisedCompletion, List<CaseStep> steps, Optional<CorrectionNotice> correction,
        List<SpecialProcedure> specialProcedures, List<Extension> extensions, Optional<Decision> decision,
        Optional<Delivery> delivery, Optional<LocalDateTime> completion, List<FeeCharge> fees) {

    public ApprovalCase {
        if (caseNumber == null || !ItemCodes.isWellFormed(caseNumber)) {
            throw new InvalidCaseException(String.valueOf(caseNumber), "caseNumber", caseNumber,
                    "办件编号须为1至" + ItemCodes.MAX_LENGTH + "位数字、大写字母或连字符 / a case number must be 1.."
                            + ItemCodes.MAX_LENGTH + " ASCII digits, upper-case letters or hyphens");
        }
        Check c = new Check(caseNumber);
        if (!ItemCodes.isWellFormed(c.present(itemCode, "itemCode"))) {
            throw c.fail("itemCode", itemCode, "实施编码须为1至" + ItemCodes.MAX_LENGTH
                    + "位数字、大写字母或连字符 / an item code must be 1.." + ItemCodes.MAX_LENGTH
                    + " ASCII digits, upper-case letters or hyphens");
        }
        c.present(locality, "locality");
        c.present(applicant, "applicant");
        c.present(handlingType, "handlingType");
        c.present(application, "application");
        c.present(acceptance, "acceptance");
        c.present(promisedCompletion, "promisedCompletion");
        c.present(correction, "correction");
        c.present(decision, "decision");
        c.present(delivery, "delivery");
        c.present(completion, "completion");
        steps = c.list(steps, "steps");
        specialProcedures = c.list(specialProcedures, "specialProcedures");
        extensions = c.list(extensions, "extensions");
        fees = c.list(fees, "fees");

        LocalDateTime applied = application.time();
        LocalDateTime accepted = acceptance.time();
        c.notBefore(accepted, applied, "acceptance.time", "受理时间早于申请时间", "acceptance is before application");
        promisedCompletion.ifPresent(t -> c.notBefore(t, accepted, "promisedCompletion",
                "承诺办结时间早于受理时间", "promised completion is before acceptance"));
        for (int i = 0; i < steps.size(); i++) {
            CaseStep s = steps.get(i);
            int n = i;
            s.end().ifPresent(end -> c.notBefore(end, s.start(), "steps[" + n + "].end",
                    "环节“" + s.name() + "”结束时间早于开始时间", "step '" + s.name() + "' ends before it starts"));
        }
        correction.ifPresent(k -> {
            c.notBefore(k.notified(), k.materialsReceived(), "correction.notified",
                    "补正告知时间早于材料接收时间", "correction notice is before the materials were received");
            k.correctedReceived().ifPresent(t -> c.notBefore(t, k.notified(), "correction.correctedReceived",
                    "补正材料接收时间早于补正告知时间", "corrected materials arrived before the notice"));
        });
        decision.ifPresent(d -> c.notBefore(d.time(), accepted, "decision.time",
                "决定时间早于受理时间", "decision is before acceptance"));
        delivery.ifPresent(d -> decision.ifPresent(dec -> c.notBefore(d.time(), dec.time(), "delivery.time",
                "送达时间早于决定时间", "delivery is before the decision")));
        completion.ifPresent(t -> {
            c.notBefore(t, accepted, "completion", "办结时间早于受理时间", "completion is before acceptance");
            decision.ifPresent(d -> c.notBefore(t, d.time(), "completion",
                    "办结时间早于决定时间", "completion is before the decision"));
        });
    }

    /** The acceptance time (受理时间): where the clock starts. */
    public LocalDateTime acceptedAt() {
        return acceptance.time();
    }

    /** Whether the case is finished (办结). */
    public boolean isCompleted() {
        return completion.isPresent();
    }

    /** Starts a builder for the case with this number (办件编号). */
    public static Builder builder(String caseNumber) {
        return new Builder(caseNumber);
    }

    /** A builder holding this case's fields, to record a further event. */
    public Builder toBuilder() {
        Builder b = new Builder(caseNumber).itemCode(itemCode).locality(locality).applicant(applicant)
                .application(application).acceptance(acceptance);
        b.handlingType = handlingType.orElse(null);
        b.promisedCompletion = promisedCompletion.orElse(null);
        b.steps.addAll(steps);
        b.correction = correction.orElse(null);
        b.specialProcedures.addAll(specialProcedures);
        b.extensions.addAll(extensions);
        b.decision = decision.orElse(null);
        b.delivery = delivery.orElse(null);
        b.completion = completion.orElse(null);
        b.fees.addAll(fees);
        return b;
    }

    /** Validation helper that names the case in every failure. */
    private record Check(String caseNumber) {
        <T> T present(T v, String field) {
            if (v == null) {
                throw fail(field, "null", "不能为空 / must not be null");
            }
            return v;
        }

        <T> List<T> list(List<T> v, String field) {
            present(v, field);
            for (int i = 0; i < v.size(); i++) {
                present(v.get(i), field + "[" + i + "]");
            }
            return List.copyOf(v);
        }

        void notBefore(LocalDateTime t, LocalDateTime earliest, String field, String zh, String en) {
            if (t.isBefore(earliest)) {
                throw fail(field, t, zh + "（" + earliest + "）/ " + en + " (" + earliest + ")");
            }
        }

        InvalidCaseException fail(String field, Object value, String reason) {
            return new InvalidCaseException(caseNumber, field, value, reason);
        }
    }

    /** Collects a case's fields and events; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final String caseNumber;
        private String itemCode;
        private DivisionCode locality;
        private ApplicantId applicant;
        private HandlingType handlingType;
        private Application application;
        private Acceptance acceptance;
        private LocalDateTime promisedCompletion;
        private final List<CaseStep> steps = new ArrayList<>();
        private CorrectionNotice correction;
        private final List<SpecialProcedure> specialProcedures = new ArrayList<>();
        private final List<Extension> extensions = new ArrayList<>();
        private Decision decision;
        private Delivery delivery;
        private LocalDateTime completion;
        private final List<FeeCharge> fees = new ArrayList<>();

        private Builder(String caseNumber) {
            this.caseNumber = caseNumber;
        }

        /** 实施编码. */
        public Builder itemCode(String code) {
            this.itemCode = code;
            return this;
        }

        /** 行政区划. */
        public Builder locality(DivisionCode code) {
            this.locality = code;
            return this;
        }

        /** 申请者证件. */
        public Builder applicant(ApplicantId id) {
            this.applicant = id;
            return this;
        }

        /** 办件类型 (A.6) as recorded on the case. */
        public Builder handlingType(HandlingType type) {
            this.handlingType = type;
            return this;
        }

        /** 申请时间. */
        public Builder application(Application application) {
            this.application = application;
            return this;
        }

        /** 申请时间. */
        public Builder applied(LocalDateTime time) {
            return application(new Application(time));
        }

        /** 受理. */
        public Builder acceptance(Acceptance acceptance) {
            this.acceptance = acceptance;
            return this;
        }

        /** 受理时间, 受理单位, 受理人员, channel. */
        public Builder accepted(LocalDateTime time, String unit, String staff, AcceptanceChannel channel) {
            return acceptance(new Acceptance(time, unit, staff, channel));
        }

        /** 承诺办结时间 as recorded. */
        public Builder promisedCompletion(LocalDateTime time) {
            this.promisedCompletion = time;
            return this;
        }

        /** Adds a step (办理环节). */
        public Builder step(CaseStep step) {
            steps.add(step);
            return this;
        }

        /** 补正告知. */
        public Builder correction(CorrectionNotice notice) {
            this.correction = notice;
            return this;
        }

        /**
         * Adds a closed special procedure built from its parts; a malformed one (e.g. resumed before it
         * started) fails here as an {@link InvalidCaseException} naming this case and
         * {@code specialProcedures[i]}.
         */
        public Builder procedure(ProcedureKind kind, LocalDateTime start, LocalDateTime resumed) {
            return procedure(part("specialProcedures[" + specialProcedures.size() + "]",
                    () -> SpecialProcedure.of(kind, start, resumed)));
        }

        /**
         * Adds a finished step built from its parts; a malformed one fails here as an
         * {@link InvalidCaseException} naming this case and {@code steps[i]}.
         */
        public Builder step(String name, String handler, LocalDateTime start, LocalDateTime end, Power power) {
            return step(part("steps[" + steps.size() + "]", () -> CaseStep.of(name, handler, start, end, power)));
        }

        private <T> T part(String position, Supplier<T> make) {
            try {
                return make.get();
            } catch (InvalidCaseException e) {
                throw e;
            } catch (InvalidValueException e) {
                throw InvalidCaseException.inCase(String.valueOf(caseNumber), position, e);
            }
        }

        /** Adds a special procedure (特别程序). */
        public Builder procedure(SpecialProcedure procedure) {
            specialProcedures.add(procedure);
            return this;
        }

        /** Adds an extension (延长审批). */
        public Builder extension(Extension extension) {
            extensions.add(extension);
            return this;
        }

        /** 审批决定. */
        public Builder decision(Decision decision) {
            this.decision = decision;
            return this;
        }

        /** 办理结果送达. */
        public Builder delivery(Delivery delivery) {
            this.delivery = delivery;
            return this;
        }

        /** 办结时间. */
        public Builder completed(LocalDateTime time) {
            this.completion = time;
            return this;
        }

        /** Adds a fee charged (收费). */
        public Builder fee(FeeCharge fee) {
            fees.add(fee);
            return this;
        }

        /** Validates and builds; an {@link InvalidCaseException} names the case and the field. */
        public ApprovalCase build() {
            return new ApprovalCase(caseNumber, itemCode, locality, applicant, Optional.ofNullable(handlingType),
                    application, acceptance, Optional.ofNullable(promisedCompletion), steps,
                    Optional.ofNullable(correction), specialProcedures, extensions, Optional.ofNullable(decision),
                    Optional.ofNullable(delivery), Optional.ofNullable(completion), fees);
        }
    }
}
