package org.approvalrules.core.pack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.approvalrules.api.rules.RulePackException;
import org.junit.jupiter.api.Test;

/** A misspelt or unknown key in a pack's YAML is an error naming file, the key's line and the key, not a silent default. */
class StrictYamlKeysTest {

    @Test
    void aMisspeltKeyInAParameterFile() {
        String text = "deadline.yellow.remaining-working-days:\n  values:\n    2024-07-01: {value: 2, refrence: \"x\"}\n";
        assertThatThrownBy(() -> LayerLoader.readParameters("p/local.yaml", text)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("p/local.yaml:3").hasMessageContaining("refrence");
        String typo = "a.b:\n  type: int\n  valeus:\n    2024-01-01: {value: 1, reference: r}\n";
        assertThatThrownBy(() -> LayerLoader.readParameters("p/local.yaml", typo)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("p/local.yaml:3").hasMessageContaining("valeus");
        String desc = "a.b:\n  description: {zh: 甲, en: one, two}\n  values:\n    2024-01-01: {value: 1, reference: r}\n";
        assertThatThrownBy(() -> LayerLoader.readParameters("p/local.yaml", desc)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("p/local.yaml:2").hasMessageContaining("two");
    }

    @Test
    void aMisspeltKeyInAnOverrideOrAManifest() {
        String overrides = "overrides:\n  - rule: a.b\n    action: disable\n    reason: r\n  - rule: c.d\n    action: disable\n"
                + "    reasn: r\n";
        assertThatThrownBy(() -> LayerLoader.readOverrides("o.yaml", overrides)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("o.yaml:7").hasMessageContaining("reasn");
        assertThatThrownBy(() -> PackManifest.parse("m.yaml", "pack: p\nlayer: \"450000\"\nversion: 1\nparnet: \"000000\"\n", "450000"))
                .isInstanceOf(RulePackException.class).hasMessageContaining("m.yaml:4").hasMessageContaining("parnet");
    }
}
