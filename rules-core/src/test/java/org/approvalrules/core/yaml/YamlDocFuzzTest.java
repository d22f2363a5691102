package org.approvalrules.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.core.LoaderErrors;

/**
 * Fuzzes {@link YamlDoc} (docs/FUZZING.md): any text gives a document or a RulePackException naming the file. A
 * document that parses has the tree Jackson's own {@code readTree} gives (where that one succeeds), every key a line
 * within the text, and unknown-key checks that name only lines of the text.
 */
class YamlDocFuzzTest {

    private static final String FILE = "fuzz.yaml";
    private static final ObjectMapper JACKSON = new ObjectMapper(new YAMLFactory());

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        YamlDoc doc = LoaderErrors.valueOrNull(FILE, () -> YamlDoc.parse(FILE, text));
        if (doc == null) {
            return;
        }
        int lines = (int) text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        check(doc.root(), lines);
        try {
            var expected = JACKSON.readTree(text);
            if (expected != null && !expected.isMissingNode() && !expected.isNull()) {
                assertThat(doc.root().json()).isEqualTo(expected);
            }
        } catch (Exception jacksonRefuses) {
            // YamlDoc refuses less only where it differs on purpose (none known); Jackson's error is not the oracle
        }
    }

    private static void check(YamlNode n, int lines) {
        assertThat(n.line()).isBetween(0, lines);
        List<Problem> problems = new ArrayList<>();
        n.checkKeys("x", List.of(), problems);
        assertThat(problems).hasSize(n.fields().size()).allSatisfy(p -> assertThat(p.line()).isBetween(1, lines));
        n.fields().values().forEach(c -> check(c, lines));
        n.elements().forEach(c -> check(c, lines));
    }
}
