package org.approvalrules.cli;

import java.nio.file.Path;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.division.DivisionCode;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands, as picocli mixins ({@code @Mixin Options.Locality locality;}): one spelling, one
 * description and one validation of {@code --locality} and {@code --packs} for every command that has them.
 */
public final class Options {

    private Options() {
    }

    /** {@code --locality CODE}: the division whose calendar, parameters and rules apply; default national. */
    public static final class Locality {
        @Option(names = "--locality", paramLabel = "CODE", defaultValue = "000000", converter = Converters.Division.class,
                description = "行政区划代码：决定日历、参数与规则（默认全国 ${DEFAULT-VALUE}）/ division code: its calendar, "
                        + "parameters and rules apply (default ${DEFAULT-VALUE}, national)")
        DivisionCode code;

        /** The division code given (validated by {@link DivisionCode#parse}), or the national one. */
        public DivisionCode code() {
            return code;
        }
    }

    /** {@code --packs DIR}: the locality rule packs (and their calendar layers); the bundled national pack without it. */
    public static final class Packs {
        @Option(names = "--packs", paramLabel = "DIR",
                description = "规则包目录（含其日历层；省略则用内置全国包）/ rule packs with their calendar layers (bundled national "
                        + "pack if absent)")
        Path dir;

        /** The entry point's builder over the packs, or over the bundled national pack. */
        public ApprovalRules.Builder builder() {
            ApprovalRules.Builder b = ApprovalRules.builder();
            if (dir != null) {
                b.packs(dir);
            }
            return b;
        }

        /** The entry point over the packs, or over the bundled national pack. */
        public ApprovalRules rules() {
            return builder().build();
        }
    }
}
