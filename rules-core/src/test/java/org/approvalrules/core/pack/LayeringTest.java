package org.approvalrules.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.spi.DecisionTableConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeringTest {
    @TempDir
    Path dir;

    private static final DivisionCode COUNTY = DivisionCode.parse("451031");

    @Test
    void effectivePackIsNationalPlusEachAncestorLayerPresent() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("450000").file("450000", "rules/p.drl", TestPacks.rule("p1", "completed"));
        t.manifest("451031").file("451031", "rules/c.drl", TestPacks.rule("c1", "completed"));
        t.manifest("460000").file("460000", "rules/h.drl", TestPacks.rule("h1", "completed"));
        EffectivePack e = t.load().effective(COUNTY);
        assertThat(e.path()).isEqualTo("000000>450000>451031");
        assertThat(e.rules()).extracting(RuleSource::id).containsExactly("a", "b", "p1", "c1");
        assertThat(e.rules()).extracting(RuleSource::layer).containsExactly("000000", "000000", "450000", "451031");
    }

    @Test
    void replaceAndDisableByIdWithReason() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "rules/c.drl", TestPacks.rule("a", "promisedRemainingWorkingDays < -1"));
        t.file("451031", "overrides.yaml", """
                overrides:
                  - rule: a
                    action: replace
                    reason: 本县宽限一个工作日
                    reference: 县政发〔2024〕1号
                  - rule: b
                    action: disable
                    reason: 本县不适用
                """);
        EffectivePack e = t.load().effective(COUNTY);
        assertThat(e.rules()).extracting(RuleSource::id).containsExactly("a");
        assertThat(e.rules().get(0).layer()).isEqualTo("451031");
        assertThat(e.replaced()).singleElement().satisfies(c -> {
            assertThat(c.rule().layer()).isEqualTo("000000");
            assertThat(c.override().reference()).isEqualTo("县政发〔2024〕1号");
        });
        assertThat(e.disabled()).singleElement().satisfies(c -> assertThat(c.override().reason()).isEqualTo("本县不适用"));
        assertThat(e.version()).isNotEqualTo(t.load().effective(DivisionCode.NATIONAL).version());
    }

    @Test
    void disablingAnUnknownIdNamesTheOverridesFileAndLine() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "overrides.yaml", "overrides:\n  - rule: nope\n    action: disable\n    reason: x\n");
        assertThatThrownBy(() -> t.load().effective(COUNTY)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("overrides.yaml:2").hasMessageContaining("unknown rule id nope");
    }

    @Test
    void replacingAnUnknownIdIsAnError() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "rules/c.drl", TestPacks.rule("zz", "completed"))
                .file("451031", "overrides.yaml", "overrides:\n  - rule: zz\n    action: replace\n    reason: x\n");
        assertThatThrownBy(() -> t.load().effective(COUNTY)).hasMessageContaining("replace of unknown rule id zz");
    }

    @Test
    void twoOverridesOfOneIdAtOneLevelNameBothLines() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "overrides.yaml",
                "overrides:\n  - rule: a\n    action: disable\n    reason: x\n  - rule: a\n    action: disable\n    reason: y\n");
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> t.load().effective(COUNTY));
        assertThat(e.problems().get(0).line()).isEqualTo(5);
        assertThat(e.problems().get(0).otherFile()).endsWith("overrides.yaml:2");
    }

    @Test
    void duplicateIdOfAnAncestorWithoutOverrideNamesBothFiles() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "rules/c.drl", TestPacks.rule("a", "completed"));
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> t.load().effective(COUNTY));
        assertThat(e.file()).endsWith("451031/rules/c.drl");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problems().get(0).otherFile()).endsWith("000000/rules/base.drl:1");
    }

    @Test
    void duplicateIdInsideOneLayerNamesBothFiles() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "rules/c.drl", TestPacks.rule("x", "completed"))
                .file("451031", "rules/d.drl", "\n\n" + TestPacks.rule("x", "completed"));
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> t.load().effective(COUNTY));
        assertThat(e.problems().get(0).toString()).contains("d.drl:3").contains("c.drl:1");
    }

    @Test
    void missingManifestIsAnError() {
        TestPacks t = new TestPacks(dir).national();
        t.file("451031", "rules/c.drl", TestPacks.rule("x", "completed"));
        assertThatThrownBy(t::load).isInstanceOf(RulePackException.class).hasMessageContaining("missing manifest")
                .hasMessageContaining("451031");
    }

    @Test
    void manifestLayerMustEqualItsDirectory() {
        TestPacks t = new TestPacks(dir).national();
        t.file("451031", "manifest.yaml", "pack: x\nversion: \"1\"\nlayer: \"451000\"\n");
        assertThatThrownBy(t::load).hasMessageContaining("manifest.yaml:3").hasMessageContaining("differs from its directory");
    }

    @Test
    void malformedYamlReportsItsLine() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "parameters/bad.yaml", "a.b:\n  type: int\n  values: {2024-01-01: [1, 2\n");
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class, t::load);
        assertThat(e.file()).endsWith("bad.yaml");
        assertThat(e.line()).isGreaterThan(0);
        assertThat(e.getMessage()).contains("malformed YAML");
    }

    @Test
    void missingParentLayerNamedInTheManifestIsAnError() {
        TestPacks t = new TestPacks(dir).national();
        t.file("451031", "manifest.yaml", "pack: x\nversion: \"1\"\nlayer: \"451031\"\nparent: \"451000\"\n");
        assertThatThrownBy(t::load).hasMessageContaining("missing parent layer 451000");
    }

    @Test
    void layerDirectoryMustBeADivisionCode() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("45103x");
        assertThatThrownBy(t::load).hasMessageContaining("45103x");
    }

    @Test
    void parameterOverrideKeepsAncestorValuesBeforeItsFirstDate() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "parameters/p.yaml",
                "t.yellow:\n  values:\n    2025-01-01: {value: 1, reference: \"县文件\"}\n");
        EffectivePack e = t.load().effective(COUNTY);
        assertThat(e.parameters().intAt("t.yellow", LocalDate.of(2020, 1, 1))).isEqualTo(3);
        assertThat(e.parameters().intAt("t.yellow", LocalDate.of(2024, 12, 31))).isEqualTo(2);
        assertThat(e.parameters().intAt("t.yellow", LocalDate.of(2025, 1, 1))).isEqualTo(1);
        assertThat(e.parameters().get("t.yellow").orElseThrow().layer()).isEqualTo("451031");
        assertThat(e.parameters().valueOn("t.yellow", LocalDate.of(2025, 3, 1)).reference()).isEqualTo("县文件");
    }

    @Test
    void parameterOverrideWithAnotherTypeNamesBothFiles() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "parameters/p.yaml",
                "t.yellow:\n  type: decimal\n  values:\n    2025-01-01: {value: 0.5, reference: \"县文件\"}\n");
        assertThatThrownBy(() -> t.load().effective(COUNTY)).hasMessageContaining("type differs")
                .hasMessageContaining("000000/parameters/p.yaml");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorWithItsLine() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "parameters/p.yaml",
                "t.yellow:\n  values:\n    2025-01-01: {value: many, reference: \"县文件\"}\n");
        assertThatThrownBy(() -> t.load().effective(COUNTY)).hasMessageContaining("p.yaml:3").hasMessageContaining("INT");
    }

    @Test
    void aRuleUsingAnUnknownParameterIsAnError() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "rules/c.drl",
                TestPacks.rule("c1", "promisedRemainingWorkingDays < params.intAt(\"no.such\", acceptedOn)"));
        assertThatThrownBy(() -> t.load().effective(COUNTY)).hasMessageContaining("c.drl:3")
                .hasMessageContaining("unknown parameter no.such");
    }

    @Test
    void ruleWithoutIdOrReferenceIsRejected() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "rules/c.drl", "\nrule \"x\"\nwhen\n  $c : CaseFacts()\nthen\nend\n");
        assertThatThrownBy(t::load).hasMessageContaining("c.drl:2").hasMessageContaining("@id");
    }

    @Test
    void decisionTablesNeedTheRightName() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "rules/table.csv", "id\n");
        assertThatThrownBy(t::load).hasMessageContaining("table.csv").hasMessageContaining("*.drl.csv")
                .hasMessageContaining("*.drl.xlsx");
    }

    @Test
    void aDecisionTableReachesTheConverterAsBytesAndItsRulesKeepTheirRows() throws IOException {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031");
        Files.createDirectories(dir.resolve("451031/rules"));
        byte[] workbook = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, (byte) 0xFF};
        Files.write(dir.resolve("451031/rules/t.drl.xls"), workbook);
        Files.write(dir.resolve("451031/rules/~$t.drl.xls"), new byte[] {1});
        List<String> seen = new ArrayList<>();
        DecisionTableConverter converter = (file, content) -> {
            assertThat(content).containsExactly(workbook);
            seen.add(file);
            return "\n\n" + TestPacks.rule("c", "completed").replace("\n", " ") + "\n";
        };
        EffectivePack pack = PackRepository.directory(dir, LayeringTest.class.getClassLoader(), converter)
                .effective(COUNTY);
        assertThat(seen).singleElement().satisfies(f -> assertThat(f).endsWith("451031/rules/t.drl.xls"));
        assertThat(pack.rules()).filteredOn(r -> r.id().equals("c")).singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(3));
    }

    @Test
    void aDecisionTableOverTheSizeLimitIsRejectedBeforeConversion() throws IOException {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031");
        Files.createDirectories(dir.resolve("451031/rules"));
        Files.write(dir.resolve("451031/rules/big.drl.xlsx"), new byte[PackFiles.MAX_BYTES + 1]);
        DecisionTableConverter converter = (file, content) -> {
            throw new AssertionError("converter called for " + file);
        };
        assertThatThrownBy(() -> PackRepository.directory(dir, LayeringTest.class.getClassLoader(), converter))
                .isInstanceOf(RulePackException.class).hasMessageContaining("big.drl.xlsx").hasMessageContaining("8 MiB");
    }

    @Test
    void aManifestWithoutPackIdOrVersionIsRejected() {
        TestPacks t = new TestPacks(dir).national();
        t.file("451031", "manifest.yaml", "layer: \"451031\"\n");
        assertThatThrownBy(t::load).hasMessageContaining("manifest.yaml:1").hasMessageContaining("'pack'")
                .hasMessageContaining("'version'");
    }

    /** Found by PackRepositoryFuzzTest: 1e400 reads as a double Infinity and escaped as a NumberFormatException. */
    @Test
    void aDecimalThatOverflowsToInfinityIsAnErrorWithItsLine() {
        TestPacks t = new TestPacks(dir).national();
        t.manifest("451031").file("451031", "parameters/p.yaml", "c.fee:\n  type: decimal\n  description: 费 / fee\n"
                + "  values:\n    2025-01-01: {value: 1e400, reference: \"县文件\"}\n");
        assertThatThrownBy(() -> t.load().effective(COUNTY)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("p.yaml:5").hasMessageContaining("DECIMAL");
    }
}
