package org.approvalrules.core.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.money.Money;
import org.approvalrules.core.rules.FactJudge;
import org.approvalrules.drools.TestJudges;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeeCheckerTest {
    static final LocalDate D = LocalDate.of(2024, 5, 6);
    static FeeChecker checker;
    /** The national fee rules. */
    static final FactJudge RULES = TestJudges.national();

    static final ServiceItem REGISTRATION = ServiceItem.builder("11450000MB0000000A0001", "不动产登记")
            .basicCode("000000000001").department("县自然资源局")
            .statutoryLimit(TimeLimit.workingDays(30)).promisedLimit(TimeLimit.workingDays(5))
            .fee("发改价格规〔2016〕2559号").inCentreSince(LocalDate.of(2018, 1, 1)).build();
    static final ServiceItem HYGIENE = ServiceItem.builder("11450000MB0000000A0002", "公共场所卫生许可")
            .basicCode("000000000002").department("县卫生健康局")
            .statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(5))
            .noFee(null).inCentreSince(LocalDate.of(2018, 1, 1)).build();
    static final ServiceItem INFO = ServiceItem.builder("11450000MB0000000A0003", "政府信息公开")
            .basicCode("000000000003").department("县政府办")
            .statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(20))
            .fee("国办函〔2020〕109号").build();
    static final ServiceItem HYGIENE_LISTED_AS_CHARGING = ServiceItem.builder("11450000MB0000000A0004", "公共场所卫生许可")
            .basicCode("000000000004").department("县卫生健康局")
            .statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(5))
            .fee("旧目录").build();

    @BeforeAll
    static void load(@TempDir Path dir) {
        checker = new FeeChecker(new FeeCalculator(FeePacks.national(dir)));
    }

    static FeeRequest home(int certificates) {
        return FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, certificates), D);
    }

    static List<Finding> check(ServiceItem item, String charged, FeeRequest r, AcceptanceChannel channel) {
        return checker.check(new FeeCheck("2024050600001", item, FeeCharge.of(r.standardId(), Money.of(charged)), r, channel), RULES);
    }

    @Test
    void aChargeAsDueIsClean() {
        assertThat(check(REGISTRATION, "100.00", home(3), AcceptanceChannel.CENTRE_WINDOW)).isEmpty();
        assertThat(check(REGISTRATION, "100.00", home(3), AcceptanceChannel.ONLINE)).isEmpty();
    }

    @Test
    void overTheStandardSaysByHowMuchWithItsReferenceAndParameters() {
        List<Finding> f = check(REGISTRATION, "110.00", home(3), AcceptanceChannel.CENTRE_WINDOW);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.over-standard");
            assertThat(x.severity()).isEqualTo(Severity.RED);
            assertThat(x.message().zh()).isEqualTo("不动产登记费（住宅类）按标准应收100.00元，实收110.00元，超标准收费10.00元");
            assertThat(x.message().en()).contains("100.00 due").contains("10.00 over");
            assertThat(x.legalReference()).startsWith("发改价格规〔2016〕2559号");
            assertThat(x.layer()).isEqualTo("000000");
            assertThat(x.ruleSetVersion()).isEqualTo(TestJudges.version());
            assertThat(x.subject()).isEqualTo("2024050600001");
            assertThat(x.parameters()).containsEntry("fee.real-estate.residential.registration.per-unit", "80");
        });
    }

    @Test
    void chargingAQualifyingSmallMicroEnterpriseIsExemptionNotGranted() {
        FeeRequest r = home(1).by(ApplicantCategory.SMALL_MICRO_ENTERPRISE, ExemptionEvidence.WRITTEN_PLEDGE);
        assertThat(check(REGISTRATION, "80.00", r, AcceptanceChannel.CENTRE_WINDOW)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.exemption-not-granted");
            assertThat(x.severity()).isEqualTo(Severity.RED);
            assertThat(x.legalReference()).startsWith("财税〔2016〕79号");
            assertThat(x.message().zh()).contains("小微企业").contains("应收0.00元，实收80.00元");
            assertThat(x.parameters()).containsKey("fee.exemption.small-micro.evidence");
        });
        assertThat(check(REGISTRATION, "0.00", r, AcceptanceChannel.CENTRE_WINDOW)).as("granted, pledge on file").isEmpty();
        assertThat(check(REGISTRATION, "90.00", r, AcceptanceChannel.CENTRE_WINDOW)).extracting(Finding::ruleId)
                .as("more than even the standard").containsExactly("fee.over-standard");
    }

    /** The most common counter error: the exemption forgotten and no pledge taken. Two findings, each its own. */
    @Test
    void aSmallMicroEnterpriseChargedInFullWithNothingOnFileIsBothNotGrantedAndMissingEvidence() {
        FeeRequest nothing = home(1).by(ApplicantCategory.SMALL_MICRO_ENTERPRISE);
        assertThat(check(REGISTRATION, "80.00", nothing, AcceptanceChannel.CENTRE_WINDOW))
                .extracting(Finding::ruleId, Finding::severity).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("fee.exemption-not-granted", Severity.RED),
                        org.assertj.core.groups.Tuple.tuple("fee.exemption-evidence-missing", Severity.YELLOW));
        assertThat(check(REGISTRATION, "0.00", nothing, AcceptanceChannel.CENTRE_WINDOW)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).as("granted, but nothing on file").isEqualTo("fee.exemption-evidence-missing");
            assertThat(x.message().zh()).contains("未留存减免凭证").contains("书面承诺");
        });
        FeeRequest before2021 = home(1).by(ApplicantCategory.SMALL_MICRO_ENTERPRISE, ExemptionEvidence.WRITTEN_PLEDGE)
                .on(LocalDate.of(2020, 6, 1));
        assertThat(check(REGISTRATION, "80.00", before2021, AcceptanceChannel.CENTRE_WINDOW)).extracting(Finding::ruleId)
                .as("before 2021 a pledge was not accepted evidence, the exemption still applied by law")
                .containsExactlyInAnyOrder("fee.exemption-not-granted", "fee.exemption-evidence-missing");
        assertThat(check(REGISTRATION, "80.00", home(1).by(ApplicantCategory.OTHER_ORGANISATION), AcceptanceChannel.CENTRE_WINDOW))
                .as("look-alike: an organisation that is not small or micro").isEmpty();
    }

    @Test
    void aMinimumIncomeHouseholdRenewingADamagedCardIsExemptButNotWhenReplacingALostOne() {
        FeeRequest damaged = FeeRequest.of("id-card.damaged", Map.of(), D)
                .by(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD, ExemptionEvidence.MINIMUM_INCOME_CERTIFICATE);
        assertThat(check(REGISTRATION, "40.00", damaged, AcceptanceChannel.CENTRE_WINDOW)).extracting(Finding::ruleId)
                .containsExactly("fee.exemption-not-granted");
        assertThat(check(REGISTRATION, "0.00", damaged, AcceptanceChannel.CENTRE_WINDOW)).isEmpty();
        FeeRequest nameChange = FeeRequest.of("id-card.name-change", Map.of(), D);
        assertThat(check(REGISTRATION, "20.00", nameChange, AcceptanceChannel.CENTRE_WINDOW)).isEmpty();
        assertThat(check(REGISTRATION, "40.00", nameChange, AcceptanceChannel.CENTRE_WINDOW)).extracting(Finding::ruleId)
                .as("a name change is renewal at 20, not the 40 of a damaged card").containsExactly("fee.over-standard");
        FeeRequest lost = FeeRequest.of("id-card.replacement", Map.of(), D)
                .by(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD, ExemptionEvidence.MINIMUM_INCOME_CERTIFICATE);
        assertThat(check(REGISTRATION, "40.00", lost, AcceptanceChannel.CENTRE_WINDOW)).as("补领 is not 换领").isEmpty();
    }

    @Test
    void aFeeChargedAfterItsStandardEndedHasNoLegalBasis() {
        FeeRequest first = FeeRequest.of("id-card.first-issue", Map.of(), LocalDate.of(2018, 4, 1));
        assertThat(check(REGISTRATION, "20.00", first, AcceptanceChannel.CENTRE_WINDOW)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.no-legal-basis");
            assertThat(x.message().zh()).contains("已于2018-03-31后停止收费");
            assertThat(x.message().en()).contains("ended after 2018-03-31");
        });
        assertThat(check(REGISTRATION, "0.00", first, AcceptanceChannel.CENTRE_WINDOW)).as("nothing charged").isEmpty();
        assertThat(check(REGISTRATION, "20.00", first.on(LocalDate.of(2018, 3, 31)), AcceptanceChannel.CENTRE_WINDOW))
                .as("the last day").isEmpty();
    }

    /** 国办函〔2020〕109号: the 41st request of a month is due 300.00; charging the month's total is over the standard. */
    @Test
    void theFortyFirstRequestOfTheMonthIsJudgedOnItsOwnAmount() {
        FeeRequest r = FeeRequest.of("gov-info.per-request", Map.of(QuantityKind.REQUESTS, 1), D).afterPriorInMonth(40);
        assertThat(check(INFO, "300.00", r, AcceptanceChannel.CENTRE_WINDOW)).as("a correct charge").isEmpty();
        assertThat(check(INFO, "4300.00", r, AcceptanceChannel.CENTRE_WINDOW)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.over-standard");
            assertThat(x.message().zh()).contains("应收300.00元，实收4300.00元，超标准收费4000.00元");
        });
        assertThat(check(INFO, "0.00", r.afterPriorInMonth(9), AcceptanceChannel.CENTRE_WINDOW)).as("the 10th is free").isEmpty();
        assertThat(check(INFO, "0.00", r.afterPriorInMonth(10), AcceptanceChannel.CENTRE_WINDOW)).extracting(Finding::ruleId)
                .as("the 11th is due 100").containsExactly("fee.under-standard");
    }

    @Test
    void aFeeOnAnItemThatChargesNothingHasNoLegalBasis() {
        FeeRequest r = FeeRequest.of("public-health-permit", Map.of(), D);
        assertThat(check(HYGIENE, "50.00", r, AcceptanceChannel.CENTRE_WINDOW)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.no-legal-basis");
            assertThat(x.message().zh()).contains("是否收费=0").contains("50.00");
            assertThat(x.legalReference()).isEqualTo("行政许可法第五十八条、第五十九条");
        });
        assertThat(check(HYGIENE, "0.00", r, AcceptanceChannel.CENTRE_WINDOW)).isEmpty();
    }

    @Test
    void aFeeUnderAnUnknownStandardHasNoLegalBasis() {
        FeeRequest r = FeeRequest.of("不动产登记费-住宅", Map.of(), D);
        assertThat(check(REGISTRATION, "80.00", r, AcceptanceChannel.CENTRE_WINDOW)).extracting(Finding::ruleId)
                .containsExactly("fee.no-legal-basis");
        FeeRequest early = FeeRequest.of("gov-info.per-page", Map.of(QuantityKind.PAGES, 40), LocalDate.of(2020, 12, 31));
        assertThat(check(INFO, "100.00", early, AcceptanceChannel.CENTRE_WINDOW)).extracting(Finding::ruleId)
                .as("信息处理费 was not in force before 2021").containsExactly("fee.no-legal-basis");
    }

    @Test
    void aFeeUnderAFreeStandardIsFreeItemCharged() {
        FeeRequest r = FeeRequest.of("public-health-permit", Map.of(), D);
        assertThat(check(HYGIENE_LISTED_AS_CHARGING, "30.00", r, AcceptanceChannel.CENTRE_WINDOW)).singleElement()
                .satisfies(x -> {
                    assertThat(x.ruleId()).isEqualTo("fee.free-item-charged");
                    assertThat(x.legalReference()).isEqualTo("行政许可法第五十八条");
                });
    }

    @Test
    void collectingAnInCentreItemsFeeAtTheDepartmentIsChargedOutsideCentre() {
        assertThat(check(REGISTRATION, "100.00", home(3), AcceptanceChannel.DEPARTMENT)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.charged-outside-centre");
            assertThat(x.severity()).isEqualTo(Severity.RED);
            assertThat(x.message().zh()).contains("已进驻中心").contains("部门收取");
        });
        assertThat(check(REGISTRATION, "110.00", home(3), AcceptanceChannel.DEPARTMENT)).extracting(Finding::ruleId)
                .containsExactly("fee.charged-outside-centre", "fee.over-standard");
        assertThat(check(REGISTRATION, "100.00", home(3).on(LocalDate.of(2017, 12, 31)), AcceptanceChannel.DEPARTMENT))
                .as("before the item moved in").isEmpty();
        assertThat(check(REGISTRATION, "100.00", home(3), AcceptanceChannel.BRANCH_CENTRE)).isEmpty();
        FeeRequest pages = FeeRequest.of("gov-info.per-page", Map.of(QuantityKind.PAGES, 31), D);
        assertThat(check(INFO, "10.00", pages, AcceptanceChannel.DEPARTMENT)).as("item never in the centre").isEmpty();
    }

    @Test
    void chargingLessIsInformationOnly() {
        assertThat(check(REGISTRATION, "80.00", home(3), AcceptanceChannel.CENTRE_WINDOW)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.under-standard");
            assertThat(x.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void oneRequestChargedByRequestAndByPageIsOverStandard() {
        FeeRequest byRequest = FeeRequest.of("gov-info.per-request", Map.of(QuantityKind.REQUESTS, 11), D);
        FeeRequest byPage = FeeRequest.of("gov-info.per-page", Map.of(QuantityKind.PAGES, 31), D);
        List<FeeCheck> both = List.of(
                new FeeCheck("C1", INFO, FeeCharge.of("gov-info.per-request", Money.yuan(100)), byRequest, AcceptanceChannel.CENTRE_WINDOW),
                new FeeCheck("C1", INFO, FeeCharge.of("gov-info.per-page", Money.yuan(10)), byPage, AcceptanceChannel.CENTRE_WINDOW));
        assertThat(checker.checkCase(both, RULES)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.over-standard");
            assertThat(x.message().zh()).contains("不得同时按两种方式计收");
            assertThat(x.legalReference()).startsWith("国办函〔2020〕109号");
        });
        assertThat(checker.checkCase(both.subList(0, 1), RULES)).isEmpty();
    }

    @Test
    void aRecordedExemptionCodeDoesNotExcuseAnApplicantWhoDoesNotQualify() {
        FeeRequest r = home(1);
        FeeCheck c = new FeeCheck("C2", REGISTRATION, new FeeCharge(r.standardId(), Money.ZERO, Optional.of("small-micro")), r,
                AcceptanceChannel.CENTRE_WINDOW);
        assertThat(checker.check(c, RULES)).extracting(Finding::ruleId).containsExactly("fee.under-standard");
    }
}
