package org.approvalrules.core.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.spi.DecisionTableConverter;
import org.approvalrules.core.LoaderErrors;
import org.approvalrules.core.parameter.Parameter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the rule-pack loaders through their public entry points ({@link PackRepository#directory},
 * {@link PackRepository#effective}): a Guangxi layer ({@code 450000}) whose {@code manifest.yaml},
 * {@code parameters/local.yaml}, {@code overrides.yaml} and {@code rules/local.drl} come from the
 * fuzzer, over a small fixed national layer. Any content gives an effective pack or a library
 * exception naming a file of the layer; an effective pack has unique rule ids and every parameter
 * has, on each of its effective dates, the value that starts there.
 *
 * <p>Input layout (seeds in {@code PackRepositoryFuzzTestInputs/layer/}): the four file contents in
 * that order, separated by lines {@code %%}; an empty part means the file is absent.
 */
class PackRepositoryFuzzTest {

    private static final DivisionCode GUANGXI = DivisionCode.of("450000");
    private static final String[] FILES = {"manifest.yaml", "parameters/local.yaml", "overrides.yaml", "rules/local.drl"};

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void layer(byte[] input) throws IOException {
        Path root = dir.resolve("packs");
        deleteTree(root);
        new TestPacks(root).national();
        byte[][] parts = LoaderErrors.parts(input, FILES.length);
        Path layer = Files.createDirectories(root.resolve(GUANGXI.value()));
        for (int i = 0; i < FILES.length; i++) {
            if (parts[i].length > 0) {
                Path f = layer.resolve(FILES[i]);
                Files.createDirectories(f.getParent());
                Files.write(f, parts[i]);
            }
        }
        EffectivePack pack = LoaderErrors.valueOrNull(layer.toString(), () -> PackRepository
                .directory(root, PackRepositoryFuzzTest.class.getClassLoader(), DecisionTableConverter.NONE)
                .effective(GUANGXI));
        if (pack == null) {
            return;
        }
        assertThat(pack.path()).isEqualTo("000000>450000");
        assertThat(pack.rules().stream().map(RuleSource::id).distinct().count()).isEqualTo(pack.rules().size());
        for (Parameter p : pack.parameters().all().values()) {
            p.values().forEach(v -> assertThat(pack.parameters().valueOn(p.id(), v.from())).isEqualTo(v));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
