package org.approvalrules.core.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeLine;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every national standard of DOMAIN §7, assessed from the shipped fees.yaml. */
class FeeCalculatorTest {
    static final LocalDate D = LocalDate.of(2024, 5, 6);
    static FeeCalculator calc;

    @BeforeAll
    static void load(@TempDir Path dir) {
        calc = new FeeCalculator(FeePacks.national(dir));
    }

    static FeeAssessment assess(String standard, QuantityKind kind, int n) {
        return calc.assess(FeeRequest.of(standard, Map.of(kind, n), D));
    }

    @ParameterizedTest(name = "{0} with {1} certificate(s) = {2}")
    @CsvSource({
        "real-estate.residential, 1, 80.00", "real-estate.residential, 3, 100.00", "real-estate.residential, 2, 90.00",
        "real-estate.non-residential, 1, 550.00", "real-estate.non-residential, 4, 580.00",
        "real-estate.parking-storage, 1, 80.00", "real-estate.parking-storage, 2, 90.00",
        "real-estate.residential, 0, 80.00"})
    void realEstateRegistrationPlusCertificatesBeyondTheFirst(String standard, int certificates, String due) {
        FeeAssessment a = assess(standard, QuantityKind.CERTIFICATES, certificates);
        assertThat(a.due()).isEqualTo(Money.of(due));
        assertThat(a.gross()).isEqualTo(a.due());
        assertThat(a.standard().legalBasis()).startsWith("发改价格规〔2016〕2559号");
        FeeRequest r = FeeRequest.of(standard, Map.of(QuantityKind.CERTIFICATES, certificates), LocalDate.of(2017, 3, 1));
        assertThat(calc.assess(r).due()).as("the first day").isEqualTo(Money.of(due));
        assertThatThrownBy(() -> calc.assess(r.on(LocalDate.of(2017, 2, 28)))).as("the day before")
                .isInstanceOf(UnknownFeeStandardException.class);
    }

    @Test
    void residentialWithThreeCertificatesExplainsEachLine() {
        FeeAssessment a = assess("real-estate.residential", QuantityKind.CERTIFICATES, 3);
        assertThat(a.lines()).extracting(FeeLine::componentId, FeeLine::fromUnit, FeeLine::toUnit, FeeLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("registration", 1, 1, Money.yuan(80)),
                        org.assertj.core.groups.Tuple.tuple("certificate", 1, 1, Money.ZERO),
                        org.assertj.core.groups.Tuple.tuple("certificate", 2, 3, Money.yuan(20)));
        assertThat(a.lines().get(2).description().zh()).isEqualTo("不动产权属证书工本费：第2至3本，每本10.00元");
        assertThat(a.lines()).allSatisfy(l -> assertThat(l.reference()).isEqualTo("发改价格规〔2016〕2559号"));
        assertThat(a.standard().parameters()).containsEntry("fee.real-estate.residential.certificate.each", "10");
    }

    /** 发改价格〔2003〕2322号 第一条: 申领、换领 20; 丢失补领或损坏换领 40; 临时 10. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"id-card.renewal, 20.00, 2004-01-01", "id-card.name-change, 20.00, 2004-01-01",
        "id-card.damaged, 40.00, 2004-01-01", "id-card.replacement, 40.00, 2004-01-01",
        "id-card.temporary, 10.00, 2004-01-01", "public-health-permit, 0.00, 2004-07-01"})
    void identityCardsAndTheFreePermit(String standard, String due, LocalDate from) {
        assertThat(calc.assess(FeeRequest.of(standard, Map.of(), D)).due()).isEqualTo(Money.of(due));
        assertThat(calc.assess(FeeRequest.of(standard, Map.of(), from)).due()).isEqualTo(Money.of(due));
        assertThatThrownBy(() -> calc.assess(FeeRequest.of(standard, Map.of(), from.minusDays(1))))
                .isInstanceOf(UnknownFeeStandardException.class);
    }

    /** The first-issue card fee: 20 yuan from 2004-01-01 until it was stopped (停征) from 2018-04-01. */
    @Test
    void theFirstIssueCardFeeEndedOn2018_03_31() {
        FeeRequest first = FeeRequest.of("id-card.first-issue", Map.of(), LocalDate.of(2018, 3, 31));
        assertThat(calc.assess(first).due()).isEqualTo(Money.yuan(20));
        assertThat(calc.schedule().ended("id-card.first-issue", first.date())).isEmpty();
        LocalDate after = LocalDate.of(2018, 4, 1);
        assertThat(calc.schedule().standard("id-card.first-issue", after)).isEmpty();
        assertThat(calc.schedule().ended("id-card.first-issue", after)).contains(LocalDate.of(2018, 3, 31));
        assertThat(calc.schedule().ended("id-card.first-issue", D)).contains(LocalDate.of(2018, 3, 31));
        assertThatThrownBy(() -> calc.assess(first.on(after))).isInstanceOf(UnknownFeeStandardException.class);
        assertThat(calc.schedule().ended("id-card.renewal", D)).as("still in force").isEmpty();
        assertThat(calc.schedule().ended("no-such-fee", D)).isEmpty();
        assertThat(calc.schedule().ended("id-card.first-issue", LocalDate.of(2003, 12, 31))).as("not yet").isEmpty();
    }

    /**
     * 国办函〔2020〕109号 第四条, for one application of {@code requests} requests after {@code prior} earlier
     * requests of the same applicant in the month: ≤10 free; 11–30 at 100; from 31 bands of 10 at 200, 300, …
     */
    @ParameterizedTest(name = "{1} request(s) after {0} in the month = {2}")
    @CsvSource({"0, 1, 0.00", "9, 1, 0.00", "10, 1, 100.00", "29, 1, 100.00", "30, 1, 200.00", "39, 1, 200.00",
        "40, 1, 300.00", "49, 1, 300.00", "50, 1, 400.00", "99, 1, 800.00", "100, 1, 900.00",
        "0, 0, 0.00", "0, 10, 0.00", "0, 11, 100.00", "0, 30, 2000.00", "0, 31, 2200.00", "0, 41, 4300.00",
        "0, 51, 7400.00", "5, 10, 500.00", "38, 3, 700.00"})
    void informationFeeByRequestIsDueForThisRequestOnly(int prior, int requests, String due) {
        FeeRequest r = FeeRequest.of("gov-info.per-request", Map.of(QuantityKind.REQUESTS, requests), D)
                .afterPriorInMonth(prior);
        assertThat(calc.assess(r).due()).isEqualTo(Money.of(due));
        assertThat(calc.assess(r).due()).as("the month's total for prior + this, less the total for prior").isEqualTo(
                calc.assess(r.afterPriorInMonth(0).withRequests(prior + requests)).due()
                        .minus(calc.assess(r.afterPriorInMonth(0).withRequests(prior)).due()));
    }

    /** The 41st request of a month is due 300.00 (its band), not the month's 4,300.00. */
    @Test
    void theFortyFirstRequestOfAMonthIsDueItsOwnAmount() {
        FeeAssessment a = calc.assess(FeeRequest.of("gov-info.per-request", Map.of(QuantityKind.REQUESTS, 1), D)
                .afterPriorInMonth(40));
        assertThat(a.due()).isEqualTo(Money.yuan(300));
        assertThat(a.lines()).singleElement().satisfies(l -> {
            assertThat(l.fromUnit()).isEqualTo(41);
            assertThat(l.toUnit()).isEqualTo(41);
            assertThat(l.description().zh()).isEqualTo("信息处理费：第41件，每件300.00元");
            assertThat(l.reference()).contains("国办函〔2020〕109号");
        });
    }

    @Test
    void priorRequestsApplyOnlyToAStandardCountedPerApplicantPerMonth() {
        assertThatThrownBy(() -> calc.assess(FeeRequest.of("gov-info.per-page", Map.of(QuantityKind.PAGES, 31), D)
                .afterPriorInMonth(3))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("request.priorInMonth").hasMessageContaining("gov-info.per-page");
        assertThatThrownBy(() -> FeeRequest.of("gov-info.per-request", Map.of(QuantityKind.REQUESTS, 1), D)
                .afterPriorInMonth(-1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> calc.assess(FeeRequest.of("gov-info.per-request",
                Map.of(QuantityKind.REQUESTS, FeeRequest.MAX_QUANTITY), D).afterPriorInMonth(1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("request.priorInMonth");
    }

    /** ≤30 free; 31–100 at 10; 101–200 at 20; above 200 at 40 per page. */
    @ParameterizedTest(name = "{0} pages = {1}")
    @CsvSource({"0, 0.00", "30, 0.00", "31, 10.00", "100, 700.00", "101, 720.00", "200, 2700.00", "201, 2740.00",
        "250, 4700.00"})
    void informationFeeByPage(int pages, String due) {
        assertThat(assess("gov-info.per-page", QuantityKind.PAGES, pages).due()).isEqualTo(Money.of(due));
    }

    @Test
    void oneRequestIsNeverPricedBothByRequestAndByPage() {
        FeeRequest both = FeeRequest.of("gov-info.per-request",
                Map.of(QuantityKind.REQUESTS, 12, QuantityKind.PAGES, 40), D);
        assertThatThrownBy(() -> calc.assess(both)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("request.quantities.PAGES").hasMessageContaining("不按“页”计收");
        assertThatThrownBy(() -> calc.assess(FeeRequest.of("gov-info.per-page", Map.of(), D)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("需要“页”数量");
    }

    @Test
    void theStepLinesNameTheirBands() {
        FeeAssessment a = assess("gov-info.per-request", QuantityKind.REQUESTS, 41);
        assertThat(a.lines()).extracting(FeeLine::fromUnit, FeeLine::toUnit, FeeLine::rate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 10, Money.ZERO),
                org.assertj.core.groups.Tuple.tuple(11, 30, Money.yuan(100)),
                org.assertj.core.groups.Tuple.tuple(31, 40, Money.yuan(200)),
                org.assertj.core.groups.Tuple.tuple(41, 41, Money.yuan(300)));
        assertThat(a.lines().get(3).description().zh()).isEqualTo("信息处理费：第41件，每件300.00元");
        assertThat(a.standard().exclusiveGroup()).contains("gov-info");
    }

    @Test
    void smallMicroEnterpriseNeedsSupportingDocumentsUntil2020AndAPledgeSuffices2021() {
        FeeRequest r = FeeRequest.of("real-estate.non-residential", Map.of(QuantityKind.CERTIFICATES, 2), LocalDate.of(2020, 12, 31))
                .by(ApplicantCategory.SMALL_MICRO_ENTERPRISE, ExemptionEvidence.WRITTEN_PLEDGE);
        assertThat(calc.assess(r).due()).as("exempt by category").isEqualTo(Money.ZERO);
        assertThat(calc.assess(r).evidenceMissing()).as("a pledge is not accepted before 2021").isTrue();
        assertThat(calc.assess(r.on(LocalDate.of(2021, 1, 1))).due()).isEqualTo(Money.ZERO);
        assertThat(calc.assess(r.on(LocalDate.of(2021, 1, 1))).evidenceMissing()).isFalse();
        FeeAssessment exempt = calc.assess(r.on(LocalDate.of(2021, 1, 1)));
        assertThat(exempt.gross()).isEqualTo(Money.yuan(560));
        assertThat(exempt.exempted()).isEqualTo(Money.yuan(560));
        assertThat(exempt.lines()).allSatisfy(l -> {
            assertThat(l.exemptionCode()).contains("small-micro");
            assertThat(l.due()).isEqualTo(Money.ZERO);
            assertThat(l.reference()).isEqualTo("财税〔2016〕79号");
        });
        FeeRequest documents = r.by(ApplicantCategory.SMALL_MICRO_ENTERPRISE, ExemptionEvidence.SUPPORTING_DOCUMENTS)
                .on(LocalDate.of(2020, 12, 31));
        assertThat(calc.assess(documents).due()).isEqualTo(Money.ZERO);
        assertThat(calc.assess(documents).evidenceMissing()).isFalse();
        FeeAssessment nothing = calc.assess(r.by(ApplicantCategory.SMALL_MICRO_ENTERPRISE));
        assertThat(nothing.due()).as("nothing on file: still exempt by law").isEqualTo(Money.ZERO);
        assertThat(nothing.evidenceMissing()).isTrue();
        assertThat(calc.schedule().exemptions(LocalDate.of(2016, 8, 31))).extracting(e -> e.code())
                .as("the day before the exemption").doesNotContain("small-micro");
        assertThat(calc.schedule().exemptions(LocalDate.of(2016, 9, 1))).extracting(e -> e.code()).contains("small-micro");
    }

    @Test
    void individualBusinessOnShowingItsLicence() {
        FeeRequest r = FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, 1), D);
        assertThat(calc.assess(r.by(ApplicantCategory.INDIVIDUAL_BUSINESS, ExemptionEvidence.BUSINESS_LICENCE)).due())
                .isEqualTo(Money.ZERO);
        assertThat(calc.assess(r.by(ApplicantCategory.INDIVIDUAL_BUSINESS, ExemptionEvidence.WRITTEN_PLEDGE)).due())
                .isEqualTo(Money.ZERO);
        assertThat(calc.assess(r.by(ApplicantCategory.INDIVIDUAL_BUSINESS, ExemptionEvidence.WRITTEN_PLEDGE))
                .evidenceMissing()).as("the licence is the evidence accepted").isTrue();
        assertThat(calc.assess(r.by(ApplicantCategory.OTHER_ORGANISATION, ExemptionEvidence.BUSINESS_LICENCE)).due())
                .isEqualTo(Money.yuan(80));
    }

    @Test
    void minimumIncomeHouseholdsPayNoCardFeeOnFirstIssueOrAnyRenewalButDoOnReplacementOfALostCard() {
        for (String s : new String[] {"id-card.renewal", "id-card.name-change", "id-card.damaged"}) {
            FeeAssessment a = calc.assess(FeeRequest.of(s, Map.of(), D)
                    .by(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD, ExemptionEvidence.MINIMUM_INCOME_CERTIFICATE));
            assertThat(a.due()).as(s).isEqualTo(Money.ZERO);
            assertThat(a.evidenceMissing()).isFalse();
            assertThat(a.exemption()).hasValueSatisfying(e -> assertThat(e.basis()).startsWith("居民身份证法第二十一条"));
        }
        assertThat(calc.assess(FeeRequest.of("id-card.first-issue", Map.of(), LocalDate.of(2018, 3, 31))
                .by(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD, ExemptionEvidence.MINIMUM_INCOME_CERTIFICATE)).due())
                .isEqualTo(Money.ZERO);
        for (String s : new String[] {"id-card.replacement", "id-card.temporary"}) {
            FeeAssessment a = calc.assess(FeeRequest.of(s, Map.of(), D)
                    .by(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD, ExemptionEvidence.MINIMUM_INCOME_CERTIFICATE));
            assertThat(a.exemption()).as(s).isEmpty();
            assertThat(a.due()).isEqualTo(a.gross());
            assertThat(a.due().isPositive()).isTrue();
        }
    }

    @Test
    void standardsApplyFromTheirEffectiveDateOnly() {
        FeeRequest r = FeeRequest.of("gov-info.per-page", Map.of(QuantityKind.PAGES, 31), LocalDate.of(2021, 1, 1));
        assertThat(calc.assess(r).due()).isEqualTo(Money.yuan(10));
        assertThatThrownBy(() -> calc.assess(r.on(LocalDate.of(2020, 12, 31))))
                .isInstanceOf(UnknownFeeStandardException.class).hasMessageContaining("gov-info.per-page")
                .hasMessageContaining("2020-12-31");
        FeeRequest home = FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, 1), LocalDate.of(2017, 3, 1));
        assertThat(calc.assess(home).due()).isEqualTo(Money.yuan(80));
        assertThatThrownBy(() -> calc.assess(home.on(LocalDate.of(2017, 2, 28)))).isInstanceOf(UnknownFeeStandardException.class);
        assertThatThrownBy(() -> calc.assess(FeeRequest.of("no-such-fee", Map.of(), D)))
                .isInstanceOf(UnknownFeeStandardException.class);
    }

    @Test
    void aCountyOverridesAStandardFromItsDateAndEarlierCasesKeepTheNationalValue(@TempDir Path dir) {
        org.approvalrules.core.parameter.ParameterSet countyParams = FeePacks.load(dir, """
                fee.real-estate.residential.certificate.each:
                  values:
                    2025-01-01: {value: 8.50, reference: "某县发改〔2024〕12号"}
                fee.exemption.small-micro.applies-to:
                  values:
                    2025-01-01: {value: [real-estate.residential], reference: "某县文件"}
                """);
        FeeParameters county = new FeeParameters(countyParams, FeeCatalog.of(countyParams), "v1");
        FeeCalculator c = new FeeCalculator(county);
        FeeRequest r = FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, 3), LocalDate.of(2024, 12, 31));
        assertThat(c.assess(r).due()).isEqualTo(Money.yuan(100));
        FeeAssessment after = c.assess(r.on(LocalDate.of(2025, 1, 1)));
        assertThat(after.due()).isEqualTo(Money.of("97.00"));
        assertThat(after.standard().layer()).isEqualTo("451031");
        assertThat(after.standard().legalBasis()).contains("发改价格规〔2016〕2559号").contains("某县发改〔2024〕12号");
        FeeRequest parking = FeeRequest.of("real-estate.parking-storage", Map.of(QuantityKind.CERTIFICATES, 1),
                LocalDate.of(2025, 1, 1)).by(ApplicantCategory.SMALL_MICRO_ENTERPRISE, ExemptionEvidence.WRITTEN_PLEDGE);
        assertThat(c.assess(parking).due()).as("the county narrowed the exemption").isEqualTo(Money.yuan(80));
        assertThat(c.assess(parking.on(LocalDate.of(2024, 12, 31))).due()).isEqualTo(Money.ZERO);
    }
}
