package org.approvalrules.core.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.approvalrules.api.fee.FeeFormula;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.parameter.ParameterSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeeParametersTest {

    @Test
    void theNationalValuesAreAllUsableAndEveryCatalogueParameterIsDefined(@TempDir Path dir) {
        ParameterSet p = FeePacks.load(dir, null);
        FeeParameters.check(p);
        assertThat(FeeCatalog.of(p).allParameterIds()).filteredOn(id -> !id.endsWith(".in-force"))
                .allSatisfy(id -> assertThat(p.get(id)).as(id).isPresent());
        FeeParameters s = new FeeParameters(p, FeeCatalog.of(p), "v");
        LocalDate d = LocalDate.of(2024, 1, 1);
        assertThat(FeeCatalog.of(p).standards()).allSatisfy(def -> assertThat(s.standard(def.id(), d).isPresent())
                .as(def.id()).isEqualTo(!def.id().equals("id-card.first-issue")));
        assertThat(s.exemptions(d)).extracting(e -> e.code()).containsExactly("small-micro", "individual-business", "minimum-income");
        FeeStandard perRequest = s.standard("gov-info.per-request", d).orElseThrow();
        assertThat(((FeeFormula.ProgressiveBands) perRequest.components().get(0).formula()).entries())
                .containsExactly("1-10:0.00", "11-30:100.00", "31-:200.00+100.00/10");
        assertThat(s.standard("public-health-permit", d).orElseThrow().isFree()).isTrue();
    }

    @Test
    void checkNamesFileLineAndParameterOfEveryUnusableValue(@TempDir Path dir) {
        ParameterSet p = FeePacks.load(dir, """
                fee.gov-info.per-page.processing.bands:
                  values:
                    2025-01-01:
                      reference: "县文件"
                      value:
                        - {from: 1, to: 30, rate: 0, basis: "县文件第一条"}
                        - {from: 40, to: 100, rate: 10, basis: "县文件第二条"}
                        - {from: 101, rate: 20, basis: "县文件第三条"}
                    2026-01-01:
                      reference: "县文件"
                      value:
                        - {from: 1, to: 30, rate: 0, basis: "县文件第一条"}
                        - {from: 25, rate: 10, basis: "县文件第二条"}
                    2027-01-01:
                      reference: "县文件"
                      value:
                        - {from: 1, to: 30, rate: 0, basis: "县文件第一条"}
                        - {from: 31, rate: 10}
                fee.id-card.temporary.card.per-unit:
                  values:
                    2025-01-01: {value: 10.005, reference: "县文件"}
                fee.exemption.small-micro.evidence:
                  values:
                    2025-01-01: {value: [PLEDGE], reference: "县文件"}
                fee.id-card.renewal.in-force:
                  type: string
                  description: {zh: 县, en: county}
                  values:
                    2025-01-01: {value: "停", reference: "县文件"}
                """);
        assertThatThrownBy(() -> FeeParameters.check(p)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("fees.yaml:7").hasMessageContaining("fee.gov-info.per-page.processing.bands")
                .hasMessageContaining("from: 40").hasMessageContaining("空档").hasMessageContaining("units 31 to 39")
                .hasMessageContaining("fees.yaml:13").hasMessageContaining("overlaps")
                .hasMessageContaining("fees.yaml:18").hasMessageContaining("a band needs its basis")
                .hasMessageContaining("fees.yaml:21").hasMessageContaining("10.005")
                .hasMessageContaining("fees.yaml:24").hasMessageContaining("PLEDGE")
                .hasMessageContaining("fees.yaml:29").hasMessageContaining("fee.id-card.renewal.in-force");
    }

    @Test
    void theBandsAreStructuredRowsEachWithItsBasis(@TempDir Path dir) {
        ParameterSet p = FeePacks.load(dir, null);
        FeeParameters s = new FeeParameters(p, FeeCatalog.of(p), "v");
        FeeFormula.ProgressiveBands f = (FeeFormula.ProgressiveBands) s.standard("gov-info.per-page", LocalDate.of(2024, 1, 1))
                .orElseThrow().components().get(0).formula();
        assertThat(f.bases()).hasSize(4).allSatisfy(b -> assertThat(b).startsWith("国办函〔2020〕109号"));
        assertThat(f.basisOf(150)).hasValueSatisfying(b -> assertThat(b).endsWith("第五条第（三）项"));
        FeeFormula.ProgressiveBands r = (FeeFormula.ProgressiveBands) s.standard("gov-info.per-request",
                LocalDate.of(2024, 1, 1)).orElseThrow().components().get(0).formula();
        assertThat(r.basisOf(1000)).hasValueSatisfying(b -> assertThat(b).endsWith("第四条第（三）项"));
    }

    @Test
    void aTableValueThatIsNotRowsIsRefusedAtLoadWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> FeePacks.load(dir, """
                fee.gov-info.per-page.processing.bands:
                  values:
                    2025-01-01:
                      reference: "县文件"
                      value:
                        - {from: 1, rate: 0, basis: "县文件"}
                        - "31-:10"
                """)).isInstanceOf(RulePackException.class).hasMessageContaining("fees.yaml")
                .hasMessageContaining("line 7").hasMessageContaining("each row must be a mapping");
    }

    /** A county adds a standard of its own shape in data only: name, definition, numbers; then ends it. */
    @Test
    void aLocalityAddsAStandardWithoutJava(@TempDir Path dir) {
        ParameterSet p = FeePacks.load(dir, """
                fee.local.parking-permit.name:
                  type: string
                  description: {zh: 名称, en: name}
                  values:
                    2025-01-01: {value: "县城区临时停车许可证工本费 / county parking permit fee", reference: "某县发改〔2024〕7号"}
                fee.local.parking-permit.definition:
                  type: table
                  description: {zh: 组成, en: components}
                  values:
                    2025-01-01:
                      reference: "某县发改〔2024〕7号"
                      value:
                        - {component: permit, name: "许可证 / permit", counts: PIECES, shape: FIXED}
                        - {component: sheets, name: "附页 / extra sheets", counts: PAGES, shape: BANDS}
                fee.local.parking-permit.permit.per-unit:
                  type: decimal
                  description: {zh: 元/件, en: yuan each}
                  values:
                    2025-01-01: {value: 15, reference: "某县发改〔2024〕7号第二条"}
                fee.local.parking-permit.sheets.bands:
                  type: table
                  description: {zh: 附页, en: sheets}
                  values:
                    2025-01-01:
                      reference: "某县发改〔2024〕7号第三条"
                      value:
                        - {from: 1, to: 2, rate: 0, basis: "某县发改〔2024〕7号第三条第一款"}
                        - {from: 3, rate: 0.5, basis: "某县发改〔2024〕7号第三条第二款"}
                fee.local.parking-permit.in-force:
                  type: bool
                  description: {zh: 有效, en: in force}
                  values:
                    2025-01-01: {value: true, reference: "某县发改〔2024〕7号"}
                    2026-07-01: {value: false, reference: "某县发改〔2026〕2号（停征）"}
                """);
        FeeParameters.check(p);
        FeeCatalog catalog = FeeCatalog.of(p);
        assertThat(catalog.standard("local.parking-permit")).isPresent();
        assertThat(catalog.standard("real-estate.residential")).as("the national ones still there").isPresent();
        FeeCalculator calc = new FeeCalculator(new FeeParameters(p, catalog, "v"));
        org.approvalrules.api.fee.FeeAssessment a = calc.assess(org.approvalrules.api.fee.FeeRequest.of("local.parking-permit",
                java.util.Map.of(org.approvalrules.api.fee.QuantityKind.PAGES, 4), LocalDate.of(2025, 3, 1)));
        assertThat(a.due()).isEqualTo(org.approvalrules.api.money.Money.of("16.00"));
        assertThat(a.standard().name().zh()).isEqualTo("县城区临时停车许可证工本费");
        assertThat(a.standard().layer()).isEqualTo("451031");
        assertThat(a.lines()).extracting(org.approvalrules.api.fee.FeeLine::reference).contains("某县发改〔2024〕7号第三条第二款");
        assertThat(calc.schedule().ended("local.parking-permit", LocalDate.of(2026, 7, 1))).contains(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aDefinitionThatCannotBeUsedIsATypedErrorWithFileLineAndValue(@TempDir Path dir) {
        ParameterSet p = FeePacks.load(dir, """
                fee.local.x.name:
                  type: string
                  description: {zh: 名称, en: name}
                  values:
                    2025-01-01: {value: "某费 / some fee", reference: "县文件"}
                fee.local.x.definition:
                  type: table
                  description: {zh: 组成, en: components}
                  values:
                    2025-01-01:
                      reference: "县文件"
                      value:
                        - {component: a, counts: PIECES, shape: FIXED}
                        - {component: b, counts: PAGES, shape: LADDER}
                """);
        assertThatThrownBy(() -> FeeParameters.check(p)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("fees.yaml:14").hasMessageContaining("LADDER").hasMessageContaining("shape must be one of");
        assertThatThrownBy(() -> FeeCatalog.of(p)).isInstanceOf(org.approvalrules.api.DataFormatException.class)
                .hasMessageContaining("fee.local.x.definition");
    }

    @Test
    void theValuesOfAStandardThatHasEndedAreCheckedToo(@TempDir Path dir) {
        ParameterSet p = FeePacks.load(dir, """
                fee.id-card.first-issue.card.per-unit:
                  values:
                    2024-01-01: {value: -20, reference: "县文件"}
                """);
        assertThatThrownBy(() -> FeeParameters.check(p)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("fees.yaml:3").hasMessageContaining("-20");
    }
}
