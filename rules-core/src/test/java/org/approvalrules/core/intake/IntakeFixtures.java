package org.approvalrules.core.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;

/** Applicants and parameters shared by the intake tests (also those in rules-drools, through the test jar). */
final class IntakeFixtures {
    static final ApplicantId FIRM = ApplicantId.creditCode("91450100" + "MA5KXXXX1" + ApplicantId.creditCodeCheckChar("91450100MA5KXXXX1"));
    static final ApplicantId OTHER = ApplicantId.creditCode("91450100" + "MA5KYYYY2" + ApplicantId.creditCodeCheckChar("91450100MA5KYYYY2"));

    private IntakeFixtures() {
    }

    /**
     * Window days 30 from 2004, 10 from 2025-01-01 (a county override); branch centre 公安分中心 approved; volume signal
     * above a department share of 0.5 from 4 cases a month.
     */
    static ParameterSet params() {
        return new ParameterSet(Map.of(
                IntakeDetector.VOLUME_SHARE, new Parameter(IntakeDetector.VOLUME_SHARE, ParameterType.DECIMAL,
                        BilingualText.of("占比", "share"),
                        List.of(new DatedValue(LocalDate.of(2004, 7, 1), new BigDecimal("0.5"), "national", "intake.yaml", 20)),
                        "000000"),
                IntakeDetector.VOLUME_MIN_CASES, new Parameter(IntakeDetector.VOLUME_MIN_CASES, ParameterType.INT,
                        BilingualText.of("最少件数", "fewest cases"),
                        List.of(new DatedValue(LocalDate.of(2004, 7, 1), 4, "national", "intake.yaml", 27)), "000000"),
                IntakeDetector.WINDOW_DAYS, new Parameter(IntakeDetector.WINDOW_DAYS, ParameterType.INT, BilingualText.of("窗口", "window"),
                        List.of(new DatedValue(LocalDate.of(2004, 7, 1), 30, "national", "intake.yaml", 1),
                                new DatedValue(LocalDate.of(2025, 1, 1), 10, "county", "local.yaml", 3)), "451031"),
                IntakeDetector.BRANCH_CENTRES, new Parameter(IntakeDetector.BRANCH_CENTRES, ParameterType.LIST,
                        BilingualText.of("分中心", "branch centres"),
                        List.of(new DatedValue(LocalDate.of(2004, 7, 1), List.of("公安分中心"), "national", "intake.yaml", 9)),
                        "000000")));
    }
}
