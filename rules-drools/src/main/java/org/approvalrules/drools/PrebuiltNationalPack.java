package org.approvalrules.drools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.pack.PackRepository;
import org.approvalrules.core.rules.RuleSpecs;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;

/**
 * Build step (run by Maven at {@code process-classes}): compiles the bundled national pack with the
 * same code as at run time ({@link RuleSetCompiler#compileModule}) and writes the KieModule (executable
 * model, compiled classes included) to {@code <classes dir>/}{@link RuleSetCompiler#prebuiltResource},
 * named by the rules content hash, so that a fresh JVM loads the national rules instead of compiling them.
 * Usage: {@code PrebuiltNationalPack <classes dir>}.
 */
public final class PrebuiltNationalPack {
    private PrebuiltNationalPack() {
    }

    /** Writes the prebuilt national KieModule under {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("用法 / usage: PrebuiltNationalPack <classes dir>");
        }
        EffectivePack pack = PackRepository.bundled(PrebuiltNationalPack.class.getClassLoader(),
                new DecisionTables()).effective(DivisionCode.NATIONAL);
        KieServices ks = KieServices.get();
        ReleaseId rid = ks.newReleaseId(RuleSetCompiler.GROUP, "rules-" + pack.rulesVersion(), "1.0.0");
        KieModule module = RuleSetCompiler.compileModule(ks, RuleSpecs.of(pack), rid);
        byte[] bytes = ((InternalKieModule) module).getBytes();
        ks.getRepository().removeKieModule(rid);
        Path target = Path.of(args[0]).resolve(RuleSetCompiler.prebuiltResource(pack.rulesVersion()));
        Path dir = target.getParent();
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".kjar")).toList()) {
                Files.delete(p);
            }
        }
        Files.write(target, bytes);
    }
}
