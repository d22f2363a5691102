package org.approvalrules.cli.command;

import org.approvalrules.cli.Options;
import org.approvalrules.ApprovalRules;
import org.approvalrules.core.rules.ScenarioRunner;
import org.approvalrules.core.rules.RuleSets;
import org.approvalrules.core.rules.EntryPointAccess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.pack.Layer;
import org.approvalrules.core.pack.RuleSource;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.rules.DeadlinePolicies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules rules check|explain|test}: locality rule packs. Without {@code --packs} the
 * bundled national pack is used. Pack errors exit with code 2 and name file and line.
 */
@Command(name = "rules", description = "地方规则包：检查、解释、场景测试 / locality rule packs: check, explain, test",
        subcommands = {RulesCommand.Check.class, RulesCommand.Explain.class, RulesCommand.Test.class})
public final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code rules check --packs DIR}: lint, layer resolution and compile of every layer. */
    @Command(name = "check", description = "检查规则包：安全检查、分层解析、编译、期限和收费参数、日历层 / lint, resolve layers, compile, "
            + "check deadline and fee parameters and calendar layers of every layer")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Packs packs;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ApprovalRules rules = packs.rules()) {
                for (Layer layer : EntryPointAccess.ruleSets(rules).repository().layers().values()) {
                    // the snapshot checks every domain's parameters (ParameterChecks) and compiles the rules
                    EffectivePack p = EntryPointAccess.snapshot(rules, layer.code()).ruleSet().pack();
                    out.printf("通过 / ok  %s  %s  %d 条规则 / rules, %d 个参数 / parameters, 版本 / version %s%n",
                            layer.code(), p.path(), p.rules().size(), p.parameters().all().size(), p.version());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code rules explain --locality CODE}: the effective rules and parameters with their layers. */
    @Command(name = "explain", description = "列出某地生效的规则和参数及其来源层 / effective rules and parameters of a locality, with their layers")
    static final class Explain implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.RequiredLocality locality;

        @Mixin
        Options.Packs packs;

        @Option(names = "--date", description = "参数取值日期（默认显示全部取值） / show parameter values on this date (default: all values)")
        LocalDate date;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DivisionCode code = locality.code();
            try (ApprovalRules rules = packs.rules()) {
                RuleSets reg = EntryPointAccess.ruleSets(rules);
                reg.repository().requireKnown(code);
                EffectivePack p = reg.repository().effective(code);
                out.println("地区 / locality " + code + "  分层 / layers " + p.path() + "  版本 / version " + p.version());
                out.println();
                out.println("规则 / rules (" + p.rules().size() + "):");
                for (RuleSource r : p.rules()) {
                    out.printf("  %-36s %-6s 层/layer %s  %s%n      依据/reference: %s%s%n", r.id(), r.severity(), r.layer(),
                            r.location(), r.reference(), r.parameters().isEmpty() ? "" : "\n      参数/parameters: "
                                    + String.join(", ", r.parameters()));
                }
                for (EffectivePack.Change c : p.replaced()) {
                    out.printf("  已替换 / replaced  %s (层/layer %s → %s): %s  %s%n", c.rule().id(), c.rule().layer(), c.layer(),
                            c.override().reason(), c.override().reference());
                }
                for (EffectivePack.Change c : p.disabled()) {
                    out.printf("  已停用 / disabled  %s (层/layer %s, 由/by %s): %s  %s%n", c.rule().id(), c.rule().layer(),
                            c.layer(), c.override().reason(), c.override().reference());
                }
                out.println();
                out.println("参数 / parameters (" + p.parameters().all().size() + "):");
                for (Parameter par : p.parameters().all().values()) {
                    out.printf("  %-46s %-10s 层/layer %s  %s%n", par.id(), par.type(), par.layer(), par.description());
                    for (DatedValue v : par.values()) {
                        if (date == null || par.valueOn(date).map(x -> x == v).orElse(false)) {
                            out.printf("      自/from %s: %s  （%s）%n", v.from(), v.display(), v.reference());
                        }
                    }
                }
                p.layers().stream().filter(l -> l.calendarDirectory().isPresent()).forEach(l -> out.println(
                        "\n日历层 / calendar layer: " + l.calendarDirectory().get()));
                if (date != null) {
                    DeadlinePolicy policy = rules.policy(code, date);
                    out.println();
                    out.println("期限策略 / deadline policy (" + date + " 受理 / accepted):");
                    out.println("  黄牌 / yellow: 剩余 ≤ " + policy.yellowRemainingWorkingDays().stream().mapToObj(String::valueOf)
                            .findFirst().orElse("—") + " 个工作日 / working days, 或 / or ≤ "
                            + policy.yellowRemainingShare().stream().mapToObj(String::valueOf).findFirst().orElse("—") + "；补正 / correction: " + policy.correction()
                            + "；下班后受理次日起算 / after hours from next working day: " + policy.afterHoursFromNextWorkingDay()
                            + "；本地暂停计时程序 / local procedure kinds: " + policy.localProcedureKinds());
                    out.println("  办公时间 / office hours: " + DeadlinePolicies.calendar(rules.calendar(code),
                            EntryPointAccess.snapshot(rules, code).parameters(), date).officeHours(date)
                            + DeadlinePolicies.officeHours(EntryPointAccess.snapshot(rules, code).parameters(), date)
                                    .map(h -> "（规则包参数 / pack parameter " + DeadlinePolicies.OFFICE_HOURS + "）")
                                    .orElse("（日历层 / calendar layer）"));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code rules test --packs DIR [--locality CODE]}: runs the scenarios and reports unexercised rules. */
    @Command(name = "test", description = "运行场景测试并报告没有场景覆盖的规则 / run scenarios and report rules no scenario exercises")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Packs packs;

        @Mixin
        Options.OptionalLocality locality;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<DivisionCode> loc = locality.code();
            try (ApprovalRules rules = packs.rules()) {
                RuleSets reg = EntryPointAccess.ruleSets(rules);
                loc.ifPresent(reg.repository()::requireKnown);
                // rules that do not compile or that the sandbox refuses are a pack error (exit 2), not a failed scenario
                loc.ifPresentOrElse(reg::ruleSet, () -> reg.repository().layers().values().forEach(l -> reg.ruleSet(l.code())));
                ScenarioRunner.Report report = new ScenarioRunner(reg, rules::calendar).runAll(loc);
                int failed = 0;
                for (ScenarioRunner.Result r : report.results()) {
                    String where = r.scenario().file() + ":" + r.scenario().line();
                    if (r.passed()) {
                        out.printf("通过 / pass  %s  %s%n", where, r.scenario().name());
                    } else {
                        failed++;
                        out.printf("失败 / FAIL  %s  %s%n", where, r.scenario().name());
                        r.error().ifPresent(e -> out.println("      错误 / error: " + e));
                        r.missing().forEach(m -> out.println("      缺少 / missing:    " + m));
                        r.unexpected().forEach(m -> out.println("      多出 / unexpected: " + m));
                    }
                }
                out.printf("%n场景 / scenarios: %d，通过 / passed: %d，失败 / failed: %d%n", report.results().size(),
                        report.results().size() - failed, failed);
                if (report.unexercised().isEmpty()) {
                    out.println("每条规则都有场景覆盖 / every rule is exercised by a scenario");
                } else {
                    report.unexercised().forEach((layer, ids) -> out.println(
                            "没有场景覆盖的规则 / rules no scenario exercises  层/layer " + layer + ": " + String.join(", ", ids)));
                }
                out.flush();
                return failed == 0 ? 0 : 1;
            }
        }
    }
}
