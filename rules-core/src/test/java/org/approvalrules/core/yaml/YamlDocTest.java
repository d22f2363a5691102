package org.approvalrules.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.junit.jupiter.api.Test;

class YamlDocTest {

    private static final String TEXT = """
            # a comment line
            a.b:
              type: int
              values:
                2024-01-01: {value: 3, reference: "r, with comma"}

                2025-01-01:
                  value: 4
                  reference: r2
            list:
              - rule: x
                action: disable
              - {rule: y, action: replace}
            """;

    @Test
    void everyKeyAndElementHasTheLineItIsWrittenOn() {
        YamlNode root = YamlDoc.parse("p.yaml", TEXT).root();
        YamlNode param = root.get("a.b");
        assertThat(param.line()).isEqualTo(2);
        assertThat(param.get("type").line()).isEqualTo(3);
        assertThat(param.get("values").get("2024-01-01").line()).isEqualTo(5);
        assertThat(param.get("values").get("2025-01-01").line()).isEqualTo(7);
        assertThat(param.get("values").get("2025-01-01").get("reference").line()).isEqualTo(9);
        assertThat(param.get("values").get("2024-01-01").text("reference")).isEqualTo("r, with comma");
        List<YamlNode> list = root.get("list").elements();
        assertThat(list).extracting(YamlNode::line).containsExactly(11, 13);
        assertThat(list.get(0).get("action").line()).isEqualTo(12);
        assertThat(list.get(1).text("rule")).isEqualTo("y");
        assertThat(root.get("missing")).isNull();
    }

    @Test
    void numbersBooleansAndNullsKeepTheirJacksonTypes() {
        YamlNode root = YamlDoc.parse("t.yaml", "i: 3\nl: 30000000000\nd: 0.8\nb: true\nn: ~\ns: '3'\n").root();
        assertThat(root.get("i").json().isInt()).isTrue();
        assertThat(root.get("l").json().isLong()).isTrue();
        assertThat(root.get("d").json().doubleValue()).isEqualTo(0.8);
        assertThat(root.get("b").json().booleanValue()).isTrue();
        assertThat(root.get("n").json().isNull()).isTrue();
        assertThat(root.get("s").json().isTextual()).isTrue();
        assertThat(YamlDoc.parse("e.yaml", "").root().json().isObject()).isTrue();
        assertThat(YamlDoc.parse("e.yaml", "# only a comment\n").root().fields()).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNamingBothLines() {
        assertThatThrownBy(() -> YamlDoc.parse("d.yaml", "a: 1\nb: 2\na: 3\n")).isInstanceOf(RulePackException.class)
                .hasMessageContaining("d.yaml:3").hasMessageContaining("line 1");
    }

    @Test
    void malformedYamlNamesItsLine() {
        assertThatThrownBy(() -> YamlDoc.parse("m.yaml", "a: 1\nb: [1, 2\nc: 3\n")).isInstanceOf(RulePackException.class)
                .satisfies(e -> assertThat(((RulePackException) e).line()).isGreaterThanOrEqualTo(2))
                .hasMessageContaining("malformed YAML");
    }

    @Test
    void unknownKeysAreProblemsWithTheKeysLine() {
        YamlNode root = YamlDoc.parse("k.yaml", "pack: p\nlayre: 450000\nversion: 1\n").root();
        List<Problem> problems = new ArrayList<>();
        root.checkKeys("manifest.yaml", List.of("pack", "layer", "version"), problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("k.yaml");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("layre").contains("unknown key");
        });
    }
}
