package org.approvalrules.drools;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.api.spi.RuleSpec;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.builder.KieModule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The authoritative sandbox check, made on what actually runs: the classes the Drools executable model
 * generated for a rule set, read from the built KieModule before any KieBase is made from it. The DRL
 * lint ({@code core.pack.DrlLint}) gives friendly messages on the source text; this check cannot be
 * passed by a spelling (unicode escapes, fully qualified names, {@code var}, casts, lambdas, method
 * references, static imports): it sees the constant pool references the compiler produced.
 *
 * <ol>
 *   <li><b>Allow-list</b> (every layer, national included): every class, method and field that generated
 *   code references — calls, field accesses, {@code new}, casts, class constants, method handles of
 *   lambdas and method references, super types, catch types — is one of {@link #ALLOWED_PACKAGES},
 *   {@link #ALLOWED_CLASSES}, a class the rule set itself declares, or an {@link #ALLOWED_MEMBERS} member;
 *   {@link #TYPE_ONLY} classes may be named but have no member called; {@link #DENIED_MEMBERS} and
 *   {@link #DENIED_NAMES} are refused on any owner. Invokedynamic is only the {@code LambdaMetafactory} and
 *   {@code StringConcatFactory} bootstraps javac emits, and the handles they point to are checked as calls.
 *   Catching {@code Throwable} or an {@code Error} is refused.</li>
 *   <li><b>Bounded execution</b> (locality layers): no backward branch (loop) in a consequence, constraint
 *   or DRL function, and no cycle in the calls between them (recursion, direct or through other functions
 *   and method references).</li>
 *   <li><b>No suppression</b> (locality layers): no {@code delete}/{@code retract}/{@code update}/
 *   {@code modify} of facts, and {@code insert} only of the layer's own declared types or plain values
 *   ({@code String}, boxed numbers, {@code java.time}, {@code java.math}): the type the compiler proves
 *   for the inserted value; the engine's {@code CaseFacts} and anything not proven is refused. The national layer ({@code 000000}) is exempt from this point only.</li>
 * </ol>
 *
 * Each refusal names the DRL file and rule (or function) and what it referenced; a rule with several is
 * reported once (its first, with how many more). Generated classes are
 * mapped to rules through the rule-builder methods of the generated model ({@code rule_…}), which name
 * the rule ({@code D.rule(package, name)}) and reference the consequence, constraint and extractor classes
 * it uses.
 */
final class CompiledRuleCheck {

    /** One DRL source file of the rule set, in the order {@link RuleSetCompiler} numbered them. */
    record Source(String file, String layer, List<RuleSpec> rules) {
        Source {
            rules = List.copyOf(rules);
        }
    }

    /** Package prefixes (internal names) whose classes and members are allowed. */
    static final List<String> ALLOWED_PACKAGES = List.of("org/approvalrules/api/", "java/time/", "java/math/",
            "java/util/function/", "org/drools/model/");

    /** Classes (internal names) whose members are allowed. */
    static final Set<String> ALLOWED_CLASSES = Set.of(
            "java/lang/Object", "java/lang/String", "java/lang/CharSequence", "java/lang/StringBuilder",
            "java/lang/Boolean", "java/lang/Byte", "java/lang/Short", "java/lang/Character", "java/lang/Integer",
            "java/lang/Long", "java/lang/Float", "java/lang/Double", "java/lang/Number", "java/lang/Math",
            "java/lang/StrictMath", "java/lang/Enum", "java/lang/Record", "java/lang/Comparable", "java/lang/Iterable", "java/lang/Runnable",
            "java/lang/Exception", "java/lang/RuntimeException", "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException", "java/lang/ArithmeticException", "java/lang/NullPointerException",
            "java/lang/IndexOutOfBoundsException", "java/lang/UnsupportedOperationException",
            "java/lang/NoSuchFieldError",
            "java/util/List", "java/util/Map", "java/util/Map$Entry", "java/util/Set", "java/util/Collection",
            "java/util/Iterator", "java/util/ArrayList", "java/util/HashMap", "java/util/HashSet",
            "java/util/LinkedHashMap", "java/util/LinkedHashSet", "java/util/TreeMap", "java/util/TreeSet",
            "java/util/Optional", "java/util/OptionalInt", "java/util/OptionalLong", "java/util/OptionalDouble",
            "java/util/Objects", "java/util/Arrays", "java/util/Collections", "java/util/Comparator",
            "java/util/StringJoiner", "java/util/Locale");

    /**
     * Classes that may be named (casts, class constants, descriptors, the marker interfaces of declared types)
     * but none of whose members may be used.
     */
    static final Set<String> TYPE_ONLY = Set.of("java/lang/Class", "java/lang/Throwable", "java/lang/System",
            "org/kie/api/runtime/rule/RuleContext", "java/lang/invoke/MethodHandles$Lookup",
            "java/lang/invoke/MethodType", "java/lang/invoke/MethodHandle", "java/lang/invoke/CallSite",
            "java/lang/Void", "java/io/Serializable", "org/drools/base/factmodel/GeneratedFact",
            "org/drools/base/factmodel/AccessibleFact");

    /**
     * Single members allowed on classes otherwise outside the list ({@code owner.name}, or {@code owner.*}):
     * what the executable model's generated code calls, the constructors of {@code Throwable} the generated
     * DRL functions wrap exceptions with, and {@code System.arraycopy}, which the compiler emits in every
     * enum's {@code values()} (a pure array copy).
     */
    static final Set<String> ALLOWED_MEMBERS = Set.of("java/lang/System.arraycopy", "java/lang/Throwable.<init>",
            "java/lang/Throwable.getMessage", "org/drools/modelcompiler/dsl/pattern/D.*",
            "org/drools/modelcompiler/util/EvaluationUtil.*", "org/drools/util/DateUtils.getDateFormatMask",
            "org/kie/api/runtime/rule/RuleContext.getRule", "org/kie/api/definition/rule/Rule.getName",
            "org/kie/api/definition/rule/Rule.getPackageName", "org/kie/api/definition/rule/Rule.getId");

    /** Members refused on the allowed classes: ways out of the rule context, the clock, global state. */
    static final Set<String> DENIED_MEMBERS = Set.of("org/drools/model/Drools.getRuntime",
            "org/drools/model/Drools.getContext", "org/drools/model/Drools.getEntryPoint", "org/drools/model/Drools.halt",
            "org/drools/model/Drools.setFocus", "org/drools/model/Drools.getChannel", "org/drools/model/Drools.insertAsync",
            "java/util/Locale.setDefault", "java/lang/Integer.getInteger", "java/lang/Long.getLong",
            "java/lang/Boolean.getBoolean", "java/util/Collections.nCopies", "java/lang/String.repeat");

    /**
     * Member names refused on any owner: reflection on objects, monitors, stack traces to stderr, the clock;
     * and any name starting with {@code parallel} (the common fork-join pool's threads).
     */
    static final Set<String> DENIED_NAMES = Set.of("getClass", "wait", "notify", "notifyAll", "printStackTrace",
            "parallel", "parallelStream", "now", "finalize");

    /** Packages never allowed even under an allowed prefix. */
    static final List<String> DENIED_PACKAGES = List.of("org/drools/model/codegen/", "java/time/zone/",
            "org/approvalrules/api/rules/CaseRules", "org/approvalrules/api/calendar/CalendarProvider", "java/time/Clock");

    private static final Set<String> LAMBDA_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat");
    private static final Set<String> FACT_CHANGES = Set.of("delete", "update");
    private static final Set<String> FACT_INSERTS = Set.of("insert", "logicalInsert");
    /** Value types a locality rule may insert besides its own declared types (never engine facts). */
    private static final Set<String> INSERTABLE_VALUES = Set.of("java/lang/String", "java/lang/Integer", "java/lang/Long",
            "java/lang/Boolean", "java/lang/Double", "java/lang/Character");
    private static final Set<String> DROOLS_CONTEXT = Set.of("org/drools/model/Drools", "org/drools/model/DroolsEntryPoint");
    private static final Set<String> THROWABLE_CATCHES = Set.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/StackOverflowError", "java/lang/OutOfMemoryError", "java/lang/VirtualMachineError",
            "java/lang/ThreadDeath", "java/lang/LinkageError");
    private static final Pattern GENERATED = Pattern.compile("^packs/l(\\d+)/f(\\d+)/");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.$<>\\[\\], ?]+?\\s+(\\w+)\\s*\\(");
    private static final String NATIONAL = DivisionCode.NATIONAL.value();

    private final List<Source> sources;
    private final Map<String, ClassNode> classes = new LinkedHashMap<>();
    /** Generated class → the rules whose builder references it. */
    private final Map<String, Set<RuleSpec>> rulesOfClass = new HashMap<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private final Map<String, First> firsts = new LinkedHashMap<>();

    private CompiledRuleCheck(List<Source> sources) {
        this.sources = sources;
    }

    /**
     * The refusals for the classes of {@code module} (empty when every rule keeps to the sandbox).
     *
     * @param sources the DRL files, {@code sources.get(n)} being generated under {@code packs/l<layer>/f<n>/}
     */
    static List<Problem> check(KieModule module, List<Source> sources) {
        CompiledRuleCheck check = new CompiledRuleCheck(sources);
        InternalKieModule im = (InternalKieModule) module;
        for (String name : new TreeSet<>(im.getFileNames())) {
            if (name.endsWith(".class")) {
                ClassNode node = new ClassNode();
                new ClassReader(im.getBytes(name)).accept(node, 0);
                if (!isProjectModel(node)) {
                    check.classes.put(node.name, node);
                }
            }
        }
        check.run();
        return check.firsts.values().stream().map(First::problem).toList();
    }

    /**
     * Whether a class is the KieModule descriptor Drools generates from {@code kmodule.xml} (not from any
     * DRL): the only class checked by name rather than by content, and only under Drools' own package.
     */
    private static boolean isProjectModel(ClassNode node) {
        return node.name.startsWith("org/drools/project/model/ProjectModel_")
                && node.interfaces.equals(List.of("org/drools/modelcompiler/CanonicalKieModuleModel"));
    }

    private void run() {
        for (ClassNode c : classes.values()) {
            if (c.name.matches(".*RuleMethods\\d+$")) {
                mapRules(c);
            }
        }
        Map<String, Set<String>> calls = new HashMap<>();
        for (ClassNode c : classes.values()) {
            Source source = sourceOf(c.name);
            boolean locality = source != null && !NATIONAL.equals(source.layer());
            checkType(c, null, c.superName);
            c.interfaces.forEach(i -> checkType(c, null, i));
            for (FieldNode f : c.fields) {
                checkDescriptor(c, null, Type.getType(f.desc));
            }
            for (MethodNode m : c.methods) {
                checkDescriptor(c, m, Type.getMethodType(m.desc));
                checkMethod(c, m, locality, calls);
            }
        }
        checkRecursion(calls);
    }

    /** Records which generated classes each rule's builder method references. */
    private void mapRules(ClassNode c) {
        Source source = sourceOf(c.name);
        if (source == null) {
            return;
        }
        for (MethodNode m : c.methods) {
            if (!m.name.startsWith("rule_")) {
                continue;
            }
            String lastString = null;
            RuleSpec rule = null;
            Set<String> referenced = new LinkedHashSet<>();
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                    lastString = s;
                } else if (insn instanceof MethodInsnNode mi) {
                    if (mi.name.equals("rule") && mi.owner.endsWith("/D") && rule == null && lastString != null) {
                        rule = ruleNamed(source, lastString);
                    }
                    referenced.add(mi.owner);
                } else if (insn instanceof FieldInsnNode fi) {
                    referenced.add(fi.owner);
                } else if (insn instanceof TypeInsnNode ti) {
                    referenced.add(ti.desc);
                }
            }
            if (rule != null) {
                for (String r : referenced) {
                    if (r.startsWith("packs/") && !r.equals(c.name)) {
                        rulesOfClass.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(rule);
                    }
                }
            }
        }
    }

    private static RuleSpec ruleNamed(Source source, String name) {
        for (RuleSpec r : source.rules()) {
            if (r.id().equals(name)) {
                return r;
            }
        }
        return null;
    }

    private Source sourceOf(String className) {
        Matcher m = GENERATED.matcher(className);
        if (!m.find()) {
            return null;
        }
        int n = Integer.parseInt(m.group(2));
        return n < sources.size() ? sources.get(n) : null;
    }

    /** The DRL functions of a source file, by the names its header declares. */
    private static Set<String> functions(Source source) {
        Set<String> names = new LinkedHashSet<>();
        if (!source.rules().isEmpty()) {
            Matcher m = FUNCTION.matcher(source.rules().get(0).header());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private boolean isFunction(ClassNode c, MethodNode m) {
        Source source = sourceOf(c.name);
        return source != null && (m.access & Opcodes.ACC_STATIC) != 0 && c.interfaces.contains("org/drools/model/Model")
                && functions(source).contains(m.name);
    }

    /** Whether a method holds code written in DRL: a consequence, constraint, extractor, or function. */
    private boolean isRuleCode(ClassNode c, MethodNode m) {
        String simple = c.name.substring(c.name.lastIndexOf('/') + 1);
        return simple.startsWith("Lambda") && !m.name.equals("<clinit>") && !m.name.equals("<init>")
                && !m.name.equals("values") && !m.name.equals("valueOf") || isFunction(c, m);
    }

    private void checkMethod(ClassNode c, MethodNode m, boolean locality, Map<String, Set<String>> calls) {
        boolean ruleCode = isRuleCode(c, m);
        Map<LabelNode, Integer> labels = new IdentityHashMap<>();
        int index = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LabelNode l) {
                labels.put(l, index);
            }
            index++;
        }
        String self = c.name + "." + m.name + m.desc;
        index = 0;
        boolean loop = false;
        boolean inserts = false;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode mi) {
                checkMember(c, m, mi.owner, mi.name, Type.getMethodType(mi.desc));
                if (locality && DROOLS_CONTEXT.contains(mi.owner)) {
                    if (FACT_CHANGES.contains(mi.name)) {
                        refuse(c, m, "删除或修改事实（delete/retract/update/modify）：地方规则只能报告结果、插入自己声明的事实；"
                                + "停用上级规则请在 overrides.yaml 中按编号停用并写明理由",
                                "deletes or modifies a fact (delete/retract/update/modify): locality rules may only report "
                                        + "findings and insert facts of their own declared types; disable an ancestor's rule "
                                        + "by id, with its reason, in overrides.yaml");
                    } else if (FACT_INSERTS.contains(mi.name)) {
                        inserts = true;
                    }
                }
                if (mi.owner.startsWith("packs/")) {
                    calls.computeIfAbsent(self, k -> new LinkedHashSet<>()).add(mi.owner + "." + mi.name + mi.desc);
                }
            } else if (insn instanceof FieldInsnNode fi) {
                checkMember(c, m, fi.owner, fi.name, Type.getType(fi.desc));
            } else if (insn instanceof TypeInsnNode ti) {
                checkType(c, m, ti.desc);
            } else if (insn instanceof MultiANewArrayInsnNode ma) {
                checkDescriptor(c, m, Type.getType(ma.desc));
            } else if (insn instanceof LdcInsnNode ldc) {
                checkConstant(c, m, ldc.cst, self, calls);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                String bsm = indy.bsm.getOwner() + "." + indy.bsm.getName();
                if (!LAMBDA_BOOTSTRAPS.contains(bsm)) {
                    refuseMember(c, m, bsm.replace('/', '.'));
                }
                checkDescriptor(c, m, Type.getMethodType(indy.desc));
                for (Object arg : indy.bsmArgs) {
                    checkConstant(c, m, arg, self, calls);
                }
            } else if (insn instanceof JumpInsnNode j) {
                loop |= labels.get(j.label) <= index;
            } else if (insn instanceof TableSwitchInsnNode ts) {
                loop |= backward(labels, index, ts.dflt, ts.labels);
            } else if (insn instanceof LookupSwitchInsnNode ls) {
                loop |= backward(labels, index, ls.dflt, ls.labels);
            }
            index++;
        }
        for (TryCatchBlockNode tc : m.tryCatchBlocks) {
            if (tc.type != null) {
                checkType(c, m, tc.type);
                if (THROWABLE_CATCHES.contains(tc.type)) {
                    refuse(c, m, "捕获 " + tc.type.replace('/', '.') + "（只可捕获 Exception）",
                            "catches " + tc.type.replace('/', '.') + " (only exceptions may be caught)");
                }
            }
            loop |= labels.get(tc.handler) < labels.get(tc.end);
        }
        if (locality && ruleCode && loop) {
            refuse(c, m, "含有循环（地方规则的结果部分、条件与函数中不允许循环与递归）",
                    "contains a loop (loops and recursion are not allowed in the consequences, constraints and functions "
                            + "of locality rules)");
        }
        if (locality && inserts) {
            checkInserts(c, m);
        }
    }

    private static boolean backward(Map<LabelNode, Integer> labels, int index, LabelNode dflt, List<LabelNode> targets) {
        boolean back = labels.get(dflt) <= index;
        for (LabelNode l : targets) {
            back |= labels.get(l) <= index;
        }
        return back;
    }

    private void checkConstant(ClassNode c, MethodNode m, Object cst, String self, Map<String, Set<String>> calls) {
        if (cst instanceof Type t) {
            checkDescriptor(c, m, t);
        } else if (cst instanceof Handle h) {
            Type type = h.getTag() <= Opcodes.H_PUTSTATIC ? Type.getType(h.getDesc()) : Type.getMethodType(h.getDesc());
            checkMember(c, m, h.getOwner(), h.getName(), type);
            if (h.getOwner().startsWith("packs/")) {
                // a method reference or lambda body is a call edge for the recursion check
                calls.computeIfAbsent(self, k -> new LinkedHashSet<>()).add(h.getOwner() + "." + h.getName() + h.getDesc());
            }
        } else if (cst instanceof ConstantDynamic cd) {
            refuseMember(c, m, "ConstantDynamic " + cd.getName());
        }
    }

    /** Checks that every value a locality method inserts is proven to be one of the layer's own declared types. */
    private void checkInserts(ClassNode c, MethodNode m) {
        Source source = sourceOf(c.name);
        String own = "packs/l" + source.layer() + "/";
        Frame<BasicValue>[] frames;
        try {
            frames = new Analyzer<>(new TypedInterpreter()).analyze(c.name, m);
        } catch (AnalyzerException e) {
            refuse(c, m, "无法证明插入事实的类型", "the type of an inserted fact cannot be proven");
            return;
        }
        int i = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode mi && DROOLS_CONTEXT.contains(mi.owner) && FACT_INSERTS.contains(mi.name)
                    && frames[i] != null) {
                Frame<BasicValue> f = frames[i];
                Type t = f.getStack(f.getStackSize() - 1).getType();
                String name = t == null ? "?" : t.getInternalName();
                String simple = name.substring(name.lastIndexOf('/') + 1);
                boolean declared = name.startsWith(own) && classes.containsKey(name) && !simple.startsWith("Lambda")
                        && !simple.startsWith("Rules") && !simple.startsWith("DomainClassesMetadata")
                        || INSERTABLE_VALUES.contains(name) || name.startsWith("java/time/") || name.startsWith("java/math/");
                if (!declared) {
                    String shown = t == null || t.getSort() != Type.OBJECT ? "?" : t.getClassName();
                    refuse(c, m, "插入非本层声明类型的事实 " + shown + "（地方规则只能插入自己声明的类型或字符串、数值、日期等值）",
                            "inserts a fact of type " + shown + ", not a type the layer declares (locality rules may only "
                                    + "insert facts of their own declared types, or String, number and java.time values)");
                }
            }
            i++;
        }
    }

    /** Tracks the static type of each reference on the stack (the {@link BasicInterpreter} keeps only "reference"). */
    private static final class TypedInterpreter extends BasicInterpreter {
        TypedInterpreter() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newValue(Type type) {
            if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                return new BasicValue(type);
            }
            return super.newValue(type);
        }

        @Override
        public BasicValue merge(BasicValue a, BasicValue b) {
            if (a.equals(b)) {
                return a;
            }
            if (a.isReference() && b.isReference()) {
                return BasicValue.REFERENCE_VALUE;
            }
            return BasicValue.UNINITIALIZED_VALUE;
        }
    }

    /** Refuses cycles in the calls between generated methods of locality layers (recursion). */
    private void checkRecursion(Map<String, Set<String>> calls) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : calls.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> its = new ArrayDeque<>();
            state.put(start, 1);
            path.push(start);
            its.push(calls.getOrDefault(start, Set.of()).iterator());
            while (!its.isEmpty()) {
                java.util.Iterator<String> it = its.peek();
                if (!it.hasNext()) {
                    state.put(path.pop(), 2);
                    its.pop();
                    continue;
                }
                String next = it.next();
                Integer s = state.get(next);
                if (s == null) {
                    state.put(next, 1);
                    path.push(next);
                    its.push(calls.getOrDefault(next, Set.of()).iterator());
                } else if (s == 1) {
                    refuseCycle(next, path);
                }
            }
        }
    }

    private void refuseCycle(String entry, Deque<String> path) {
        List<String> cycle = new ArrayList<>();
        for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext();) {
            String p = it.next();
            if (p.equals(entry) || !cycle.isEmpty()) {
                cycle.add(p);
            }
        }
        cycle.add(entry);
        String owner = entry.substring(0, entry.indexOf('.'));
        ClassNode c = classes.get(owner);
        Source source = sourceOf(owner);
        if (c == null || source == null || NATIONAL.equals(source.layer())) {
            return;
        }
        String name = entry.substring(entry.indexOf('.') + 1, entry.indexOf('('));
        MethodNode m = c.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElse(null);
        List<String> shown = cycle.stream().map(CompiledRuleCheck::methodName).toList();
        refuse(c, m, "递归调用（" + String.join(" → ", shown) + "）：地方规则中不允许循环与递归",
                "recursion (" + String.join(" → ", shown) + "): loops and recursion are not allowed in locality rules");
    }

    private static String methodName(String member) {
        return member.substring(member.indexOf('.') + 1, member.indexOf('('));
    }

    private void checkDescriptor(ClassNode c, MethodNode m, Type t) {
        if (t.getSort() == Type.METHOD) {
            checkDescriptor(c, m, t.getReturnType());
            for (Type a : t.getArgumentTypes()) {
                checkDescriptor(c, m, a);
            }
        } else if (t.getSort() == Type.ARRAY) {
            checkDescriptor(c, m, t.getElementType());
        } else if (t.getSort() == Type.OBJECT) {
            checkType(c, m, t.getInternalName());
        }
    }

    /** A class named (type, cast, class constant, descriptor, super type). */
    private void checkType(ClassNode c, MethodNode m, String type) {
        if (type == null) {
            return;
        }
        if (type.startsWith("[")) {
            checkDescriptor(c, m, Type.getType(type));
            return;
        }
        if (!typeAllowed(type)) {
            refuseMember(c, m, type.replace('/', '.'));
        }
    }

    private boolean typeAllowed(String type) {
        return classAllowed(type) || TYPE_ONLY.contains(type) || memberClass(type);
    }

    /** Whether a class outside the list has single members allowed (it may then be named as their owner). */
    private static boolean memberClass(String type) {
        for (String a : ALLOWED_MEMBERS) {
            if (a.startsWith(type + ".")) {
                return true;
            }
        }
        return false;
    }

    private boolean classAllowed(String type) {
        for (String d : DENIED_PACKAGES) {
            if (type.startsWith(d)) {
                return false;
            }
        }
        if (classes.containsKey(type) || ALLOWED_CLASSES.contains(type)) {
            return true;
        }
        for (String p : ALLOWED_PACKAGES) {
            if (type.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** A method or field used (called, read, written, or pointed to by a method handle). */
    private void checkMember(ClassNode c, MethodNode m, String owner, String name, Type type) {
        if (owner.startsWith("[")) {
            // clone() of an array
            checkDescriptor(c, m, Type.getType(owner));
            return;
        }
        String member = owner + "." + name;
        boolean allowed = !DENIED_MEMBERS.contains(member) && !DENIED_NAMES.contains(name) && !name.startsWith("parallel")
                && (classAllowed(owner) || ALLOWED_MEMBERS.contains(member) || ALLOWED_MEMBERS.contains(owner + ".*"));
        if (!allowed) {
            refuseMember(c, m, member.replace('/', '.'));
            return;
        }
        checkDescriptor(c, m, type);
    }

    private void refuseMember(ClassNode c, MethodNode m, String what) {
        refuse(c, m, "引用了规则包不允许使用的 " + what + "（见 docs/RULE-PACKS.md“规则可以做什么”）",
                "references " + what + ", which rule packs may not use (see docs/RULE-PACKS.md, what rules may do)");
    }

    private void refuse(ClassNode c, MethodNode m, String zh, String en) {
        Source source = sourceOf(c.name);
        String file = source == null ? "<generated " + c.name.replace('/', '.') + ">" : source.file();
        int line = 0;
        String who;
        String whoEn;
        Set<RuleSpec> rules = rulesOfClass.get(c.name);
        if (m != null && isFunction(c, m)) {
            who = "函数 " + m.name;
            whoEn = "function " + m.name;
        } else if (rules != null && !rules.isEmpty()) {
            RuleSpec first = rules.iterator().next();
            line = first.line();
            List<String> ids = rules.stream().map(RuleSpec::id).toList();
            who = "规则 “" + String.join("”、“", ids) + "”";
            whoEn = (ids.size() == 1 ? "rule " : "rules ") + String.join(", ", ids);
        } else {
            who = "生成的代码 " + c.name.substring(c.name.lastIndexOf('/') + 1);
            whoEn = "generated code " + c.name.substring(c.name.lastIndexOf('/') + 1);
        }
        String reason = who + " " + zh + " / " + whoEn + " " + en;
        // one problem (one line) per rule or function: its first refusal, with how many more there are
        String key = file + "\n" + who;
        if (problems.add(key + "\n" + reason)) {
            First first = firsts.get(key);
            if (first == null) {
                firsts.put(key, new First(file, line, reason));
            } else {
                first.others.add(en);
            }
        }
    }

    private static final class First {
        final String file;
        final int line;
        final String reason;
        /** The other refusals of the same rule or function (English part), named so no attack hides behind another. */
        final Set<String> others = new TreeSet<>();

        First(String file, int line, String reason) {
            this.file = file;
            this.line = line;
            this.reason = reason;
        }

        Problem problem() {
            return new Problem(file, line, others.isEmpty() ? reason : reason + "（另有 " + others.size() + " 处 / and "
                    + others.size() + " more: " + String.join("; ", others) + "）");
        }
    }
}
