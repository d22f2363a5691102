package org.approvalrules.core.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.approvalrules.api.spi.DecisionTableConverter;

/** Writes small rule-pack layers into a temporary directory for tests. */
final class TestPacks {
    private final Path root;

    TestPacks(Path root) {
        this.root = root;
    }

    TestPacks file(String code, String rel, String text) {
        try {
            Path p = root.resolve(code).resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestPacks manifest(String code) {
        return file(code, "manifest.yaml", "pack: test.pack\nlayer: \"" + code + "\"\nversion: \"1\"\n");
    }

    static String rule(String id, String condition) {
        return "rule \"" + id + "\" @id(\"" + id + "\") @reference(\"test ref\") @severity(RED)\n"
                + "when\n    $c : CaseFacts( " + condition + " )\nthen\n    out.report(kcontext, $c, \"中\", \"en\");\nend\n";
    }

    /** A national layer with rules a and b and one int parameter. */
    TestPacks national() {
        manifest("000000");
        file("000000", "rules/base.drl", rule("a", "promisedRemainingWorkingDays < 0") + "\n" + rule("b", "completed"));
        file("000000", "parameters/p.yaml", """
                t.yellow:
                  type: int
                  description: {zh: 黄牌, en: yellow}
                  values:
                    2019-01-01: {value: 3, reference: "doc 2019"}
                    2024-07-01: {value: 2, reference: "doc 2024"}
                """);
        return this;
    }

    PackRepository load() {
        return PackRepository.directory(root, TestPacks.class.getClassLoader(), DecisionTableConverter.NONE);
    }
}
