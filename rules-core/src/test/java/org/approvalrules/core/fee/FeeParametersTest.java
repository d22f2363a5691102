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
        FeeParameters.check(p, FeeCatalog.national());
        assertThat(FeeCatalog.national().allParameterIds()).filteredOn(id -> !id.endsWith(".in-force"))
                .allSatisfy(id -> assertThat(p.get(id)).as(id).isPresent());
        FeeParameters s = new FeeParameters(p, FeeCatalog.national(), "v");
        LocalDate d = LocalDate.of(2024, 1, 1);
        assertThat(FeeCatalog.national().standards()).allSatisfy(def -> assertThat(s.standard(def.id(), d).isPresent())
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
                    2025-01-01: {value: ["1-30:0", "40-100:10", "101-:20"], reference: "县文件"}
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
        assertThatThrownBy(() -> FeeParameters.check(p, FeeCatalog.national())).isInstanceOf(RulePackException.class)
                .hasMessageContaining("fees.yaml:3").hasMessageContaining("fee.gov-info.per-page.processing.bands")
                .hasMessageContaining("40-100:10")
                .hasMessageContaining("fees.yaml:6").hasMessageContaining("10.005")
                .hasMessageContaining("fees.yaml:9").hasMessageContaining("PLEDGE")
                .hasMessageContaining("fees.yaml:14").hasMessageContaining("fee.id-card.renewal.in-force");
    }
}
