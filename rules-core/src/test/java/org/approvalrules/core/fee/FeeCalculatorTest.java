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
        assertThat(a.standard().legalBasis()).isEqualTo("发改价格规〔2016〕2559号");
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

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"id-card.first-issue, 20.00", "id-card.renewal, 20.00", "id-card.replacement, 40.00",
        "id-card.temporary, 10.00", "public-health-permit, 0.00"})
    void identityCardsAndTheFreePermit(String standard, String due) {
        assertThat(calc.assess(FeeRequest.of(standard, Map.of(), D)).due()).isEqualTo(Money.of(due));
    }

    /** 国办函〔2020〕109号: ≤10 free; 11–30 at 100; from 31, bands of 10 at 200, 300, … */
    @ParameterizedTest(name = "{0} requests in the month = {1}")
    @CsvSource({"0, 0.00", "1, 0.00", "10, 0.00", "11, 100.00", "30, 2000.00", "31, 2200.00", "40, 4000.00",
        "41, 4300.00", "50, 7000.00", "51, 7400.00"})
    void informationFeeByRequest(int requests, String due) {
        assertThat(assess("gov-info.per-request", QuantityKind.REQUESTS_IN_MONTH, requests).due()).isEqualTo(Money.of(due));
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
                Map.of(QuantityKind.REQUESTS_IN_MONTH, 12, QuantityKind.PAGES, 40), D);
        assertThatThrownBy(() -> calc.assess(both)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("request.quantities.PAGES").hasMessageContaining("不按“页”计收");
        assertThatThrownBy(() -> calc.assess(FeeRequest.of("gov-info.per-page", Map.of(), D)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("需要“页”数量");
    }

    @Test
    void theStepLinesNameTheirBands() {
        FeeAssessment a = assess("gov-info.per-request", QuantityKind.REQUESTS_IN_MONTH, 41);
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
        assertThat(calc.assess(r).due()).isEqualTo(Money.yuan(560));
        assertThat(calc.assess(r.on(LocalDate.of(2021, 1, 1))).due()).isEqualTo(Money.ZERO);
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
        assertThat(calc.assess(r.by(ApplicantCategory.SMALL_MICRO_ENTERPRISE)).due())
                .as("nothing on file").isEqualTo(Money.yuan(560));
    }

    @Test
    void individualBusinessOnShowingItsLicence() {
        FeeRequest r = FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, 1), D);
        assertThat(calc.assess(r.by(ApplicantCategory.INDIVIDUAL_BUSINESS, ExemptionEvidence.BUSINESS_LICENCE)).due())
                .isEqualTo(Money.ZERO);
        assertThat(calc.assess(r.by(ApplicantCategory.INDIVIDUAL_BUSINESS, ExemptionEvidence.WRITTEN_PLEDGE)).due())
                .isEqualTo(Money.yuan(80));
        assertThat(calc.assess(r.by(ApplicantCategory.OTHER_ORGANISATION, ExemptionEvidence.BUSINESS_LICENCE)).due())
                .isEqualTo(Money.yuan(80));
    }

    @Test
    void minimumIncomeHouseholdsPayNoCardFeeOnFirstIssueOrRenewalButDoOnReplacement() {
        for (String s : new String[] {"id-card.first-issue", "id-card.renewal"}) {
            FeeAssessment a = calc.assess(FeeRequest.of(s, Map.of(), D)
                    .by(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD, ExemptionEvidence.MINIMUM_INCOME_CERTIFICATE));
            assertThat(a.due()).isEqualTo(Money.ZERO);
            assertThat(a.exemption()).hasValueSatisfying(e -> assertThat(e.basis()).isEqualTo("居民身份证法第二十条"));
        }
        assertThat(calc.assess(FeeRequest.of("id-card.replacement", Map.of(), D)
                .by(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD, ExemptionEvidence.MINIMUM_INCOME_CERTIFICATE)).due())
                .isEqualTo(Money.yuan(40));
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
        FeeParameters county = new FeeParameters(FeePacks.load(dir, """
                fee.real-estate.residential.certificate.each:
                  values:
                    2025-01-01: {value: 8.50, reference: "某县发改〔2024〕12号"}
                fee.exemption.small-micro.applies-to:
                  values:
                    2025-01-01: {value: [real-estate.residential], reference: "某县文件"}
                """), FeeCatalog.national(), "v1");
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
