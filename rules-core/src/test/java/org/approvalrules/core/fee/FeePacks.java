package org.approvalrules.core.fee;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.spi.DecisionTableConverter;
import org.approvalrules.core.pack.PackRepository;
import org.approvalrules.core.parameter.ParameterSet;

/** The national fee parameters as shipped (rules-drools' national pack), optionally with a county layer. */
final class FeePacks {
    static final Path NATIONAL_FEES = Path.of("../rules-drools/src/main/resources/org/approvalrules/packs/000000/parameters/fees.yaml");

    private FeePacks() {
    }

    /** A pack directory in {@code root} with the national fees.yaml and, when not null, a county layer 451031. */
    static ParameterSet load(Path root, String countyYaml) {
        try {
            Path nat = root.resolve("000000");
            Files.createDirectories(nat.resolve("parameters"));
            Files.writeString(nat.resolve("manifest.yaml"), "pack: t\nlayer: \"000000\"\nversion: \"1\"\n");
            Files.copy(NATIONAL_FEES, nat.resolve("parameters/fees.yaml"));
            DivisionCode code = DivisionCode.NATIONAL;
            if (countyYaml != null) {
                Path county = root.resolve("451031");
                Files.createDirectories(county.resolve("parameters"));
                Files.writeString(county.resolve("manifest.yaml"), "pack: c\nlayer: \"451031\"\nversion: \"1\"\nparent: \"000000\"\n");
                Files.writeString(county.resolve("parameters/fees.yaml"), countyYaml);
                code = DivisionCode.parse("451031");
            }
            return PackRepository.directory(root, FeePacks.class.getClassLoader(), DecisionTableConverter.NONE)
                    .effective(code).parameters();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The national schedule. */
    static FeeParameters national(Path root) {
        ParameterSet p = load(root, null);
        return new FeeParameters(p, FeeCatalog.of(p), "test");
    }
}
