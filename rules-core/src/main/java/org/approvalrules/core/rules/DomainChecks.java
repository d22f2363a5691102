package org.approvalrules.core.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationReport;
import org.approvalrules.api.authorization.AuthorizationScorecard;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.authorization.AuthorizationAssessor;
import org.approvalrules.core.authorization.AuthorizationChecker;
import org.approvalrules.api.fee.ChargeRecord;
import org.approvalrules.api.fee.FeeAuditLine;
import org.approvalrules.api.item.ServiceItem;
import java.util.function.Function;
import org.approvalrules.core.fee.FeeAuditor;
import org.approvalrules.core.fee.FeeCalculator;
import org.approvalrules.core.fee.FeeCatalog;
import org.approvalrules.core.fee.FeeChecker;
import org.approvalrules.core.fee.FeeParameters;
import org.approvalrules.core.intake.FindingRuns;
import org.approvalrules.core.intake.IntakeDetector;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * The window-authorization, fee and intake checks of one locality snapshot: the engines compute facts
 * with the snapshot's parameters and calendar, the snapshot's rules ({@link FactJudge}) make the
 * findings, so every finding carries the snapshot's versions. What the entry point's locality snapshot
 * delegates to; only api types cross its methods. Immutable and thread-safe (an {@link IntakeScan} is for
 * one thread).
 */
public final class DomainChecks {
    private final WorkingCalendar calendar;
    private final FactJudge rules;
    private final AuthorizationChecker authorization;
    private final AuthorizationAssessor assessor;
    private final FeeParameters fees;
    private final FeeChecker feeChecker;
    private final ParameterSet params;

    /**
     * @param params the locality's effective parameters
     * @param version the rule-set version (the fee schedule's version)
     * @param calendar the locality's working calendar (window opening)
     * @param rules the locality's compiled rules
     */
    public DomainChecks(ParameterSet params, String version, WorkingCalendar calendar, FactJudge rules) {
        this.params = InvalidValueException.requireNonNull(params, "params");
        this.calendar = InvalidValueException.requireNonNull(calendar, "calendar");
        this.rules = InvalidValueException.requireNonNull(rules, "rules");
        this.authorization = new AuthorizationChecker(params);
        this.assessor = new AuthorizationAssessor(params);
        this.fees = new FeeParameters(params, FeeCatalog.of(params), InvalidValueException.requireNonNull(version, "version"));
        this.feeChecker = new FeeChecker(new FeeCalculator(fees));
    }

    /**
     * The window-authorization checks of [from, to]: delegation rates and (when {@code judgeChiefs})
     * chief representatives on {@code to}, window opening of every scheduled department over the period.
     *
     * @throws org.approvalrules.api.calendar.CalendarCoverageException when a strict calendar does not cover the period
     */
    public AuthorizationReport checkAuthorization(AuthorizationTables tables, LocalDate from, LocalDate to,
            boolean judgeChiefs) {
        InvalidValueException.requireNonNull(tables, "tables");
        return authorization.check(tables, calendar, from, to, judgeChiefs, rules);
    }

    /**
     * Window authorization measured from records as of {@code asOf}: rates, chiefs and staff on {@code asOf},
     * 回局签批 on every step up to it, measured opening and roster coverage over [from, asOf].
     *
     * @throws org.approvalrules.api.calendar.CalendarCoverageException when a strict calendar does not cover the period
     */
    public AuthorizationScorecard authorizationReport(AuthorizationData data, LocalDate from, LocalDate asOf) {
        return assessor.assess(data, calendar, from, asOf, rules);
    }

    /** The 回局签批 findings on the steps of {@code c}. */
    public List<Finding> checkSignatures(ApprovalCase c, AuthorizationTables tables) {
        InvalidValueException.requireNonNull(c, "case");
        InvalidValueException.requireNonNull(tables, "tables");
        return rules.judge(authorization.signatures(c, tables));
    }

    /** The fee standard {@code id} in force on {@code date}, with the locality's amounts. */
    public Optional<FeeStandard> feeStandard(String id, LocalDate date) {
        return fees.standard(id, date);
    }

    /** When the fee standard {@code id} had ended by {@code date}: its last day in force. */
    public Optional<LocalDate> feeStandardEnded(String id, LocalDate date) {
        return fees.ended(id, date);
    }

    /** The ids of the fee standards the catalogue knows. */
    public List<String> feeStandardIds() {
        return fees.catalog().standards().stream().map(FeeCatalog.StandardDefinition::id).toList();
    }

    /**
     * What is due for {@code request}, line by line, with the exemption that applies.
     *
     * @throws org.approvalrules.core.fee.UnknownFeeStandardException when no such standard is in force on the request's date
     */
    public FeeAssessment quoteFee(FeeRequest request) {
        return feeChecker.calculator().assess(request);
    }

    /** The findings on the recorded charges of one case. */
    public List<Finding> checkFees(List<FeeCheck> charges) {
        return feeChecker.checkCase(charges, rules);
    }

    /** The 八公开 findings on {@code guides} as of {@code asOf} ({@link org.approvalrules.core.fee.GuideChecker}). */
    public List<Finding> checkGuides(List<org.approvalrules.api.fee.ServiceGuide> guides, LocalDate asOf) {
        InvalidValueException.requireNonNull(guides, "guides");
        return rules.judge(guides.stream().map(g -> org.approvalrules.core.fee.GuideChecker.fact(g, asOf)).toList());
    }

    /** The audit of a fee register ({@link FeeAuditor}). */
    public List<FeeAuditLine> auditFees(List<ChargeRecord> charges, Function<ChargeRecord, Optional<ServiceItem>> items) {
        return new FeeAuditor(fees, rules).audit(charges, items);
    }

    /** A scan of one intake log against the move-in register {@code moves}. */
    public IntakeScan scanIntake(Collection<ItemMove> moves) {
        return scanIntake(IntakeRegisters.of(List.copyOf(InvalidValueException.requireNonNull(moves, "moves"))));
    }

    /** A scan of intake logs against the move-in register and the optional results, steps and approved channels. */
    public IntakeScan scanIntake(IntakeRegisters registers) {
        IntakeDetector.Session session = new IntakeDetector(params).session(registers);
        return new IntakeScan() {
            @Override
            public void add(IntakeRecord record) {
                session.add(record);
            }

            @Override
            public void add(String caseNumber, String itemCode, org.approvalrules.api.applicant.ApplicantId applicant,
                    org.approvalrules.api.cases.AcceptanceChannel channel, String channelName, long localSecond, int nano) {
                session.add(caseNumber, itemCode, applicant, channel, channelName, localSecond, nano);
            }

            @Override
            public long records() {
                return session.records();
            }

            @Override
            public List<Finding> finish() {
                List<Finding> out = new ArrayList<>();
                finish(out::add);
                return out;
            }

            @Override
            public void finish(java.util.function.Consumer<Finding> sink) {
                finish(FindingRuns.ofFindings(), sink);
            }

            @Override
            public void finish(java.util.function.Function<? super Finding, String> text,
                    java.util.function.Consumer<String> sink) {
                finish(FindingRuns.ofText(text), sink);
            }

            private <T> void finish(FindingRuns<T> runs, java.util.function.Consumer<? super T> sink) {
                try (runs) {
                    runs.judge(session, rules);
                    runs.merge(sink);
                }
            }
        };
    }
}
