package org.approvalrules.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.rules.RuleEngines;
import org.approvalrules.core.rules.RuleSets;

/**
 * Heap held by 100 cached localities, each with its own county layer (a local rule and a parameter
 * override, so each compiles its own KieBase: the worst case). Prints the used heap after full GCs
 * before and after compiling them, and the build times. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.approvalrules.benchmarks.RulePackHeap}.
 */
public final class RulePackHeap {
    private RulePackHeap() {
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dir = Files.createTempDirectory("packs");
        List<DivisionCode> codes = new ArrayList<>();
        for (int city = 1; codes.size() < n; city++) {
            for (int county = 21; county <= 30 && codes.size() < n; county++) {
                String code = String.format("45%02d%02d", city, county);
                codes.add(DivisionCode.parse(code));
                Path l = Files.createDirectories(dir.resolve(code).resolve("rules"));
                Files.createDirectories(dir.resolve(code).resolve("parameters"));
                Files.writeString(l.getParent().resolve("manifest.yaml"), "pack: bench\nlayer: \"" + code + "\"\nversion: \"1\"\n");
                Files.writeString(l.getParent().resolve("parameters/p.yaml"), "deadline.yellow.remaining-working-days:\n"
                        + "  values:\n    2020-01-01: {value: " + (1 + codes.size() % 5) + ", reference: \"bench\"}\n");
                Files.writeString(l.resolve("local.drl"), "rule \"l" + code + "\" @id(\"l" + code + "\") @reference(\"bench\")\n"
                        + "when\n  $c : CaseFacts( promisedRemainingWorkingDays < -" + codes.size() + " )\nthen\n"
                        + "  out.report(kcontext, $c, \"本地\", \"local\");\nend\n");
            }
        }
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        List<RuleSets.RuleSet> held = new ArrayList<>();
        try (RuleSets reg = RuleSets.directory(dir, RuleEngines.load())) {
            for (DivisionCode c : codes) {
                held.add(reg.ruleSet(c));
            }
            long seconds = (System.nanoTime() - t0) / 1_000_000;
            long after = usedAfterGc();
            System.out.printf("localities: %d, distinct KieBases: %d, build total %d ms (%.0f ms each)%n", codes.size(),
                    held.stream().map(s -> s.pack().rulesVersion()).distinct().count(), seconds, seconds / (double) codes.size());
            System.out.printf("heap used after GC: before %.1f MB, after %.1f MB, held by %d localities %.1f MB (%.2f MB each)%n",
                    before / 1e6, after / 1e6, codes.size(), (after - before) / 1e6, (after - before) / 1e6 / codes.size());
        }
    }
}
