package org.approvalrules.api.deadline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;

/**
 * Everything the deadline engine needs about one case (办件): its clock events as local civil times
 * of the locality (GB/T 39046 records them so), its statutory and promised limits, its special
 * procedures and extensions. Validated at construction: an inconsistent input throws
 * {@link DeadlineInputException} naming the case id and the field. Immutable and thread-safe.
 * Build with {@link #builder(String, LocalDateTime, TimeLimit)}. {@link #timeline()} gives the same
 * events as primitive local times for day-counting hot paths.
 *
 * @param caseId 办件编号 (case number)
 * @param accepted 受理时间 (acceptance time)
 * @param applied 申请时间 (application time), if known; must not be after acceptance
 * @param materialsReceived when the materials were first received (收件时间), if different from
 *     acceptance; the Art. 32 five-working-day check counts from it
 * @param correctionNotice when the applicant was told to correct the materials (一次性告知补正时间)
 * @param correctedMaterials when the corrected materials arrived (补正材料收到时间)
 * @param statutory 法定办结时限
 * @param promised 承诺办结时限, if the item has one
 * @param procedures special procedures (特别程序), any order; none may start on a day before the acceptance day
 * @param extensions approved extensions (延长审批), Art. 42
 * @param decided 决定时间, if decided
 * @param delivered 送达时间, if delivered
 * @param completed 办结时间, if completed (when absent, the decision time is the completion)
 * @param locality the case's locality (行政区划), informational
 */
public final class DeadlineInput {
    private final String caseId;
    private final LocalDateTime accepted;
    private final Optional<LocalDateTime> applied;
    private final Optional<LocalDateTime> materialsReceived;
    private final Optional<LocalDateTime> correctionNotice;
    private final Optional<LocalDateTime> correctedMaterials;
    private final TimeLimit statutory;
    private final Optional<TimeLimit> promised;
    private final List<SpecialProcedure> procedures;
    private final List<Extension> extensions;
    private final Optional<LocalDateTime> decided;
    private final Optional<LocalDateTime> delivered;
    private final Optional<LocalDateTime> completed;
    private final Optional<DivisionCode> locality;
    /** The same events as primitive local times, for engines' hot paths; made once, so reading it allocates nothing. */
    private final DeadlineTimeline timeline;

    /** Validates and creates; prefer {@link #builder(String, LocalDateTime, TimeLimit)}. */
    public DeadlineInput(String caseId, LocalDateTime accepted, Optional<LocalDateTime> applied,
            Optional<LocalDateTime> materialsReceived, Optional<LocalDateTime> correctionNotice,
            Optional<LocalDateTime> correctedMaterials, TimeLimit statutory, Optional<TimeLimit> promised,
            List<SpecialProcedure> procedures, List<Extension> extensions, Optional<LocalDateTime> decided,
            Optional<LocalDateTime> delivered, Optional<LocalDateTime> completed, Optional<DivisionCode> locality) {
        InvalidValueException.requireNonNull(caseId, "caseId");
        if (caseId.isBlank()) {
            throw new InvalidValueException("caseId", caseId, "办件编号不能为空 / case id must not be blank");
        }
        req(caseId, accepted, "accepted");
        req(caseId, applied, "applied");
        req(caseId, materialsReceived, "materialsReceived");
        req(caseId, correctionNotice, "correctionNotice");
        req(caseId, correctedMaterials, "correctedMaterials");
        req(caseId, statutory, "statutory");
        req(caseId, promised, "promised");
        req(caseId, procedures, "procedures");
        req(caseId, extensions, "extensions");
        req(caseId, decided, "decided");
        req(caseId, delivered, "delivered");
        req(caseId, completed, "completed");
        req(caseId, locality, "locality");
        procedures = List.copyOf(procedures);
        extensions = List.copyOf(extensions);

        order(caseId, "accepted", Optional.of(accepted), "applied", applied, "受理时间早于申请时间",
                "acceptance is before application");
        if (materialsReceived.isPresent() && materialsReceived.get().isAfter(accepted)) {
            throw new DeadlineInputException(caseId, "materialsReceived", materialsReceived.get(),
                    "收件时间晚于受理时间 " + accepted + " / materials received after acceptance (" + accepted + ")");
        }
        if (correctedMaterials.isPresent() && correctionNotice.isEmpty()) {
            throw new DeadlineInputException(caseId, "correctedMaterials", correctedMaterials.get(),
                    "有补正材料时间却无补正告知时间 / corrected materials without a correction notice");
        }
        if (correctionNotice.isPresent()) {
            LocalDateTime receipt = materialsReceived.orElse(accepted);
            LocalDateTime notice = correctionNotice.get();
            if (notice.isBefore(receipt)) {
                throw new DeadlineInputException(caseId, "correctionNotice", notice,
                        "补正告知早于收件 " + receipt + " / correction notice before the materials were received (" + receipt
                                + ")");
            }
            if (correctedMaterials.isPresent() && correctedMaterials.get().isBefore(notice)) {
                throw new DeadlineInputException(caseId, "correctedMaterials", correctedMaterials.get(),
                        "补正材料早于补正告知 " + notice + " / corrected materials before the notice (" + notice + ")");
            }
        }
        for (int i = 0; i < procedures.size(); i++) {
            SpecialProcedure p = InvalidValueException.requireNonNull(procedures.get(i), "procedures[" + i + "]");
            if (p.start().toLocalDate().isBefore(accepted.toLocalDate())) {
                throw new DeadlineInputException(caseId, "procedures[" + i + "].start", p.start(),
                        "特别程序开始日期早于受理日期 " + accepted.toLocalDate() + " / procedure starts on a day before acceptance ("
                                + accepted.toLocalDate() + ")");
            }
        }
        order(caseId, "decided", decided, "accepted", Optional.of(accepted), "决定时间早于受理时间",
                "decision is before acceptance");
        order(caseId, "completed", completed, "accepted", Optional.of(accepted), "办结时间早于受理时间",
                "completion is before acceptance");
        order(caseId, "delivered", delivered, "decided", decided, "送达时间早于决定时间", "delivery is before the decision");
        if (delivered.isPresent() && decided.isEmpty()) {
            throw new DeadlineInputException(caseId, "delivered", delivered.get(),
                    "有送达时间却无决定时间 / delivery without a decision");
        }
        checkExtensions(caseId, extensions);
        this.caseId = caseId;
        this.accepted = accepted;
        this.applied = applied;
        this.materialsReceived = materialsReceived;
        this.correctionNotice = correctionNotice;
        this.correctedMaterials = correctedMaterials;
        this.statutory = statutory;
        this.promised = promised;
        this.procedures = procedures;
        this.extensions = extensions;
        this.decided = decided;
        this.delivered = delivered;
        this.completed = completed;
        this.locality = locality;
        this.timeline = new DeadlineTimeline(DeadlineTimeline.pack(this));
    }

    /** 办件编号 (case number). */
    public String caseId() {
        return caseId;
    }

    /** 受理时间 (acceptance time). */
    public LocalDateTime accepted() {
        return accepted;
    }

    /** 申请时间 (application time), if known. */
    public Optional<LocalDateTime> applied() {
        return applied;
    }

    /** 收件时间, if different from acceptance. */
    public Optional<LocalDateTime> materialsReceived() {
        return materialsReceived;
    }

    /** 一次性告知补正时间, if any. */
    public Optional<LocalDateTime> correctionNotice() {
        return correctionNotice;
    }

    /** 补正材料收到时间, if any. */
    public Optional<LocalDateTime> correctedMaterials() {
        return correctedMaterials;
    }

    /** 法定办结时限. */
    public TimeLimit statutory() {
        return statutory;
    }

    /** 承诺办结时限, if the item has one. */
    public Optional<TimeLimit> promised() {
        return promised; // kept as the Optional: wrapping on each call would allocate in callers' loops
    }

    /** Special procedures (特别程序), in the order given. */
    public List<SpecialProcedure> procedures() {
        return procedures;
    }

    /** Approved extensions (延长审批). */
    public List<Extension> extensions() {
        return extensions;
    }

    /** 决定时间, if decided. */
    public Optional<LocalDateTime> decided() {
        return decided;
    }

    /** 送达时间, if delivered. */
    public Optional<LocalDateTime> delivered() {
        return delivered;
    }

    /** 办结时间, if completed. */
    public Optional<LocalDateTime> completed() {
        return completed;
    }

    /** The case's locality, informational. */
    public Optional<DivisionCode> locality() {
        return locality;
    }

    /** The clock events as epoch days and nanos of day (computed once, at construction). */
    public DeadlineTimeline timeline() {
        return timeline;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof DeadlineInput o && caseId.equals(o.caseId)
                && accepted.equals(o.accepted)
                && applied.equals(o.applied)
                && materialsReceived.equals(o.materialsReceived)
                && correctionNotice.equals(o.correctionNotice)
                && correctedMaterials.equals(o.correctedMaterials)
                && statutory.equals(o.statutory)
                && promised.equals(o.promised)
                && procedures.equals(o.procedures)
                && extensions.equals(o.extensions)
                && decided.equals(o.decided)
                && delivered.equals(o.delivered)
                && completed.equals(o.completed)
                && locality.equals(o.locality);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, accepted, applied, materialsReceived, correctionNotice, correctedMaterials, statutory,
                promised, procedures, extensions, decided, delivered, completed, locality);
    }

    @Override
    public String toString() {
        return "DeadlineInput[caseId=" + caseId + ", accepted=" + accepted + ", applied=" + applied
                + ", materialsReceived=" + materialsReceived + ", correctionNotice=" + correctionNotice
                + ", correctedMaterials=" + correctedMaterials + ", statutory=" + statutory + ", promised=" + promised
                + ", procedures=" + procedures + ", extensions=" + extensions + ", decided=" + decided
                + ", delivered=" + delivered + ", completed=" + completed + ", locality=" + locality + "]";
    }

    private static void req(String caseId, Object v, String field) {
        if (v == null) {
            throw new DeadlineInputException(caseId, field, "null", "不能为空（可用 Optional.empty()）/ must not be null");
        }
    }

    /** Throws when {@code later} is before {@code earlier} (both present), naming {@code laterField}. */
    private static void order(String caseId, String laterField, Optional<LocalDateTime> later, String earlierField,
            Optional<LocalDateTime> earlier, String zh, String en) {
        if (later.isPresent() && earlier.isPresent() && later.get().isBefore(earlier.get())) {
            throw new DeadlineInputException(caseId, laterField, later.get(),
                    zh + "（" + earlierField + " " + earlier.get() + "）/ " + en + " (" + earlierField + " " + earlier.get()
                            + ")");
        }
    }

    /**
     * Art. 42: all extensions of a case share one basis and add up to at most its maximum
     * (10 working days, or 15 for joint/centralised handling).
     */
    private static void checkExtensions(String caseId, List<Extension> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        int total = 0;
        Extension.Basis basis = null;
        for (int i = 0; i < extensions.size(); i++) {
            Extension e = InvalidValueException.requireNonNull(extensions.get(i), "extensions[" + i + "]");
            if (basis != null && basis != e.basis()) {
                throw new ExtensionLimitException(caseId, e.basis(),
                        "同一办件的延期不能混用第四十二条第一款和第二款 / extensions of one case cannot mix " + basis + " and "
                                + e.basis());
            }
            basis = e.basis();
            total += e.workingDays();
        }
        if (total > basis.maxWorkingDays()) {
            throw new ExtensionLimitException(caseId, total,
                    "延期合计" + total + "个工作日，超过" + basis.legalReference() + "允许的" + basis.maxWorkingDays()
                            + "个工作日 / extensions total " + total + " working days, more than the "
                            + basis.maxWorkingDays() + " that " + basis + " allows");
        }
    }

    /** Total extension in working days (0 when none). */
    public int extensionDays() {
        int total = 0;
        for (Extension e : extensions) {
            total += e.workingDays();
        }
        return total;
    }

    /** The completion time: {@link #completed()} if recorded, otherwise the decision time. */
    public Optional<LocalDateTime> completion() {
        return completed.isPresent() ? completed : decided;
    }

    /** Starts a builder with the three required facts. */
    public static Builder builder(String caseId, LocalDateTime accepted, TimeLimit statutory) {
        return new Builder(caseId, accepted, statutory);
    }

    /** A copy as a builder, to change one fact (used by property tests). */
    public Builder toBuilder() {
        Builder b = new Builder(caseId, accepted, statutory);
        b.applied = applied;
        b.materialsReceived = materialsReceived;
        b.correctionNotice = correctionNotice;
        b.correctedMaterials = correctedMaterials;
        b.promised = promised;
        b.procedures.addAll(procedures);
        b.extensions.addAll(extensions);
        b.decided = decided;
        b.delivered = delivered;
        b.completed = completed;
        b.locality = locality;
        return b;
    }

    /** Builds a {@link DeadlineInput}; {@link #build()} validates. */
    public static final class Builder {
        private String caseId;
        private LocalDateTime accepted;
        private TimeLimit statutory;
        private Optional<LocalDateTime> applied = Optional.empty();
        private Optional<LocalDateTime> materialsReceived = Optional.empty();
        private Optional<LocalDateTime> correctionNotice = Optional.empty();
        private Optional<LocalDateTime> correctedMaterials = Optional.empty();
        private Optional<TimeLimit> promised = Optional.empty();
        private final List<SpecialProcedure> procedures = new ArrayList<>();
        private final List<Extension> extensions = new ArrayList<>();
        private Optional<LocalDateTime> decided = Optional.empty();
        private Optional<LocalDateTime> delivered = Optional.empty();
        private Optional<LocalDateTime> completed = Optional.empty();
        private Optional<DivisionCode> locality = Optional.empty();

        private Builder(String caseId, LocalDateTime accepted, TimeLimit statutory) {
            this.caseId = caseId;
            this.accepted = accepted;
            this.statutory = statutory;
        }

        public Builder caseId(String v) {
            caseId = v;
            return this;
        }

        public Builder accepted(LocalDateTime v) {
            accepted = v;
            return this;
        }

        public Builder statutory(TimeLimit v) {
            statutory = v;
            return this;
        }

        public Builder applied(LocalDateTime v) {
            applied = Optional.ofNullable(v);
            return this;
        }

        public Builder materialsReceived(LocalDateTime v) {
            materialsReceived = Optional.ofNullable(v);
            return this;
        }

        public Builder correctionNotice(LocalDateTime v) {
            correctionNotice = Optional.ofNullable(v);
            return this;
        }

        public Builder correctedMaterials(LocalDateTime v) {
            correctedMaterials = Optional.ofNullable(v);
            return this;
        }

        public Builder promised(TimeLimit v) {
            promised = Optional.ofNullable(v);
            return this;
        }

        public Builder procedure(SpecialProcedure p) {
            procedures.add(InvalidValueException.requireNonNull(p, "procedure"));
            return this;
        }

        public Builder procedures(List<SpecialProcedure> ps) {
            procedures.clear();
            procedures.addAll(ps);
            return this;
        }

        public Builder extension(Extension e) {
            extensions.add(InvalidValueException.requireNonNull(e, "extension"));
            return this;
        }

        public Builder extensions(List<Extension> es) {
            extensions.clear();
            extensions.addAll(es);
            return this;
        }

        public Builder decided(LocalDateTime v) {
            decided = Optional.ofNullable(v);
            return this;
        }

        public Builder delivered(LocalDateTime v) {
            delivered = Optional.ofNullable(v);
            return this;
        }

        public Builder completed(LocalDateTime v) {
            completed = Optional.ofNullable(v);
            return this;
        }

        public Builder locality(DivisionCode v) {
            locality = Optional.ofNullable(v);
            return this;
        }

        /** Validates and builds. */
        public DeadlineInput build() {
            return new DeadlineInput(caseId, accepted, applied, materialsReceived, correctionNotice, correctedMaterials,
                    statutory, promised, procedures, extensions, decided, delivered, completed, locality);
        }
    }
}
