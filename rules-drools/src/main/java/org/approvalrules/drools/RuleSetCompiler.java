package org.approvalrules.drools;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.api.spi.RuleSetSpec;
import org.approvalrules.api.spi.RuleSpec;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.SequentialOption;

/**
 * Compiles a {@link RuleSetSpec} (a locality's effective rules) into a KieBase with the Drools executable model. The effective
 * rules are regrouped per source file, each under its own generated package, with the provided
 * imports and globals ({@code out}, {@code params}, {@code calendar}); compile errors are mapped back
 * to the source file and line.
 *
 * <p>Compiled KieBases are shared JVM-wide by the content hash of the rules ({@link
 * RuleSetSpec#rulesVersion()}): a second registry (or a reload) asking for rules already compiled in
 * this JVM gets the same KieBase without compiling. Each {@link #compile} is paired with one {@link
 * #release} ({@link CompiledRuleSet#close()} does this);
 * the KieModule leaves the KieRepository when the last holder releases it.
 *
 * <p>When no rule changes facts in its consequence ({@code insert}, {@code modify}, {@code update},
 * {@code delete}, {@code retract}), as is the case for rules that only report findings, the KieBase is
 * built in Drools' sequential mode: each batch is matched once and the rules fire without
 * re-evaluating the network, which is faster for stateless evaluation and gives the same findings.
 *
 * <p>The bundled national pack is compiled at Maven build time ({@link PrebuiltNationalPack}) into a
 * KieModule on the classpath named by its rules content hash ({@link #prebuiltResource}); when the rules
 * to compile have exactly that hash, the KieModule is loaded instead of generating and compiling the
 * executable model (any failure to load it is logged and the rules are compiled as usual).
 */
final class RuleSetCompiler {
    /** Group id of generated KieModules. */
    static final String GROUP = "org.approvalrules.generated";
    private static final String PREAMBLE = """
            import org.approvalrules.api.BilingualText;
            import org.approvalrules.api.rules.CaseFacts;
            global org.approvalrules.api.rules.FindingSink out;
            global org.approvalrules.api.rules.ParameterLookup params;
            global org.approvalrules.api.rules.CalendarFunctions calendar;
            """;
    private static final Pattern GEN_PATH = Pattern.compile("packs/l\\d+/f(\\d+)/rules\\.drl");
    private static final Pattern GEN_JAVA_PATH = Pattern.compile("packs/l\\d+/f(\\d+)/.*\\.java");
    private static final Pattern CHANGES_FACTS =
            Pattern.compile("\\b(insert|insertLogical|modify|update|delete|retract)\\s*\\(");
    /** Where the KieModules compiled at build time live on the classpath. */
    static final String PREBUILT_DIR = "org/approvalrules/drools/prebuilt/";
    private static final System.Logger LOG = System.getLogger(RuleSetCompiler.class.getName());
    /** Compiled KieBases by rules content hash, with how many holders (registries) have them. */
    private static final Map<String, Shared> SHARED = new HashMap<>();

    private static final class Shared {
        final KieBase base;
        final ReleaseId releaseId;
        final boolean prebuilt;
        int holders = 1;

        Shared(KieBase base, ReleaseId releaseId, boolean prebuilt) {
            this.base = base;
            this.releaseId = releaseId;
            this.prebuilt = prebuilt;
        }
    }

    private RuleSetCompiler() {
    }

    private record Segment(int startLine, int endLine, RuleSpec rule) {
    }

    /**
     * Compiles, or takes the KieBase already compiled in this JVM for the same rules; a failure names the
     * source file and line of each error.
     */
    static CompiledRuleSet compile(RuleSetSpec pack) {
        Map<String, RuleSpec> byName = new HashMap<>();
        for (RuleSpec r : pack.rules()) {
            byName.put(r.id(), r);
        }
        synchronized (SHARED) {
            Shared shared = SHARED.get(pack.rulesVersion());
            if (shared == null) {
                shared = build(pack);
                SHARED.put(pack.rulesVersion(), shared);
            } else {
                shared.holders++;
            }
            return new CompiledRuleSet(pack, shared.base, shared.releaseId, byName, shared.prebuilt);
        }
    }

    /** Whether the compiled rules of {@code rulesVersion} are held in this JVM. */
    static boolean isShared(String rulesVersion) {
        synchronized (SHARED) {
            return SHARED.containsKey(rulesVersion);
        }
    }

    /** The classpath resource of the KieModule compiled at build time for rules of {@code rulesVersion}. */
    static String prebuiltResource(String rulesVersion) {
        return PREBUILT_DIR + "rules-" + rulesVersion + ".kjar";
    }

    private static Shared build(RuleSetSpec pack) {
        KieServices ks = KieServices.get();
        ReleaseId rid = ks.newReleaseId(GROUP, "rules-" + pack.rulesVersion(), "1.0.0");
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        if (pack.rules().stream().noneMatch(r -> CHANGES_FACTS.matcher(consequence(r.text())).find())) {
            conf.setOption(SequentialOption.YES);
        }
        Shared prebuilt = loadPrebuilt(ks, pack, rid, conf);
        if (prebuilt != null) {
            return prebuilt;
        }
        compileModule(ks, pack, rid);
        return new Shared(ks.newKieContainer(rid).newKieBase(conf), rid, false);
    }

    /** The KieBase from the KieModule compiled at build time for these rules, or null when there is none. */
    private static Shared loadPrebuilt(KieServices ks, RuleSetSpec pack, ReleaseId rid, KieBaseConfiguration conf) {
        String resource = prebuiltResource(pack.rulesVersion());
        ClassLoader loader = RuleSetCompiler.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(in.readAllBytes()));
            if (!module.getReleaseId().equals(rid)) {
                ks.getRepository().removeKieModule(module.getReleaseId());
                throw new IllegalStateException("release id " + module.getReleaseId() + ", expected " + rid);
            }
            return new Shared(ks.newKieContainer(rid).newKieBase(conf), rid, true);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "预编译规则模块不可用，改为编译 / prebuilt KieModule " + resource
                    + " not usable, compiling instead", e);
            ks.getRepository().removeKieModule(rid);
            return null;
        }
    }

    /**
     * Generates and compiles the executable model of {@code pack} into a KieModule (added to the
     * KieRepository under {@code rid}); a failure names the source file and line of each error. The
     * generated classes are checked ({@link CompiledRuleCheck}: allow-list, loops, fact changes) before the
     * KieModule is returned, so no KieBase is ever made from rules the sandbox refuses.
     */
    static KieModule compileModule(KieServices ks, RuleSetSpec pack, ReleaseId rid) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(rid);
        Map<String, List<RuleSpec>> byFile = new LinkedHashMap<>();
        for (RuleSpec r : pack.rules()) {
            byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
        }
        List<List<Segment>> segments = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        Map<String, RuleSpec> byName = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, List<RuleSpec>> e : byFile.entrySet()) {
            StringBuilder sb = new StringBuilder();
            sb.append("package packs.l").append(e.getValue().get(0).layer()).append(".f").append(n).append(";\n");
            sb.append(PREAMBLE);
            sb.append(e.getValue().get(0).header());
            List<Segment> segs = new ArrayList<>();
            for (RuleSpec r : e.getValue()) {
                int start = (int) sb.chars().filter(c -> c == '\n').count() + 1;
                sb.append(r.text());
                int end = (int) sb.chars().filter(c -> c == '\n').count();
                segs.add(new Segment(start, end, r));
                byName.put(r.id(), r);
            }
            kfs.write("src/main/resources/packs/l" + e.getValue().get(0).layer() + "/f" + n + "/rules.drl", sb.toString());
            segments.add(segs);
            fileNames.add(e.getKey());
            n++;
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(rid);
            List<Problem> problems = new ArrayList<>();
            for (Message m : errors) {
                problems.add(locate(m, segments, fileNames, byName));
            }
            throw new RulePackException(problems);
        }
        List<Problem> refused = CompiledRuleCheck.check(kb.getKieModule(), byFile.values().stream()
                .map(rules -> new CompiledRuleCheck.Source(rules.get(0).file(), rules.get(0).layer(), rules)).toList());
        if (!refused.isEmpty()) {
            ks.getRepository().removeKieModule(rid);
            throw new RulePackException(refused);
        }
        return kb.getKieModule();
    }

    /** The text after {@code then} (the whole rule when there is none). */
    private static String consequence(String rule) {
        Matcher m = Pattern.compile("\\bthen\\b").matcher(rule);
        return m.find() ? rule.substring(m.end()) : rule;
    }

    private static Problem locate(Message m, List<List<Segment>> segments, List<String> fileNames,
            Map<String, RuleSpec> byName) {
        String text = m.getText() == null ? "" : m.getText().lines().findFirst().orElse("");
        String reason = "编译错误 / compile error: " + text;
        Matcher pm = GEN_PATH.matcher(m.getPath() == null ? "" : m.getPath());
        if (pm.find()) {
            int f = Integer.parseInt(pm.group(1));
            for (Segment s : segments.get(f)) {
                if (m.getLine() >= s.startLine() && m.getLine() <= s.endLine()) {
                    return new Problem(s.rule().file(), s.rule().line() + m.getLine() - s.startLine(), reason);
                }
            }
            int colon = text.lastIndexOf(": ");
            String fragment = colon < 0 ? "" : text.substring(colon + 2).trim();
            for (Segment s : segments.get(f)) {
                int at = fragment.length() < 3 ? -1 : s.rule().text().indexOf(fragment);
                if (at >= 0) {
                    int offset = (int) s.rule().text().substring(0, at).chars().filter(c -> c == '\n').count();
                    return new Problem(s.rule().file(), s.rule().line() + offset, reason);
                }
            }
            if (segments.get(f).size() == 1) {
                return new Problem(fileNames.get(f), segments.get(f).get(0).rule().line(), reason);
            }
            return new Problem(fileNames.get(f), 0, reason);
        }
        Matcher jm = GEN_JAVA_PATH.matcher(m.getPath() == null ? "" : m.getPath());
        if (jm.find() && Integer.parseInt(jm.group(1)) < segments.size()) {
            // an error in the Java the executable model generated from a rule (e.g. a consequence that uses a
            // binding only through unicode escapes): the DRL file, and the rule when the file has one
            int f = Integer.parseInt(jm.group(1));
            List<Segment> segs = segments.get(f);
            return new Problem(fileNames.get(f), segs.size() == 1 ? segs.get(0).rule().line() : 0, reason);
        }
        for (RuleSpec r : byName.values()) {
            String all = m.getText() == null ? "" : m.getText();
            if (all.contains("Rule name: " + r.id() + "\n") || all.contains("\"" + r.id() + "\"")) {
                return new Problem(r.file(), r.line(), reason);
            }
        }
        return new Problem(m.getPath() == null ? "<generated>" : m.getPath(), m.getLine(), reason);
    }

    /**
     * Gives back one hold on a compiled rule set's KieBase; the last one removes its KieModule from the
     * KieRepository.
     */
    static void release(CompiledRuleSet set) {
        synchronized (SHARED) {
            Shared shared = SHARED.get(set.spec().rulesVersion());
            if (shared != null && --shared.holders > 0) {
                return;
            }
            SHARED.remove(set.spec().rulesVersion());
            KieServices.get().getRepository().removeKieModule(set.releaseId());
        }
    }
}
