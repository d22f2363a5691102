package org.approvalrules.cli.command;

import org.approvalrules.cli.ApprovalRulesCommand;
import org.approvalrules.cli.demo.AuthorizationDemo;
import org.approvalrules.cli.demo.CalendarDemo;
import org.approvalrules.cli.demo.CalendarServiceDemo;
import org.approvalrules.cli.demo.DeadlineDemo;
import org.approvalrules.cli.demo.DemoSection;
import org.approvalrules.cli.demo.DomainDemo;
import org.approvalrules.cli.demo.FeeDemo;
import org.approvalrules.cli.demo.IntakeDemo;
import org.approvalrules.cli.demo.RulesDemo;
import org.approvalrules.cli.demo.SupervisionDemo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.approvalrules.api.division.DivisionCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code approval-rules demo}: a tour of what the library does, computed live on bundled data. */
@Command(name = "demo", description = "演示：在内置数据上运行 / a short tour on bundled data")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "电子监察演示的数据与输出目录（默认临时目录）/ where the supervision "
            + "demo writes its data and outputs (default: a new temporary directory)")
    Path out;

    /** The tour, in order. Add a section for each engine. */
    public static List<DemoSection> sections() {
        return sections(null);
    }

    /** The tour, in order, the supervision demo writing into {@code out} (a temporary directory when null). */
    public static List<DemoSection> sections(Path out) {
        return List.of(
                new DivisionDemo(),
                new DomainDemo(),
                new CalendarDemo(),
                new CalendarServiceDemo(),
                new DeadlineDemo(),
                new RulesDemo(),
                new IntakeDemo(),
                new AuthorizationDemo(),
                new FeeDemo(),
                new SupervisionDemo(out)
        );
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        w.println("approval-rules " + ApprovalRulesCommand.version() + " — 政务服务办件规则 / approval-case rules");
        int i = 1;
        for (DemoSection s : sections(out)) {
            w.println();
            w.println(i++ + ". " + s.title());
            s.run(w);
        }
        w.flush();
        return 0;
    }

    /** Division codes and their lineage. */
    static final class DivisionDemo implements DemoSection {
        @Override
        public String title() {
            return "行政区划 / division codes";
        }

        @Override
        public void run(PrintWriter out) {
            DivisionCode county = DivisionCode.parse("451031");
            out.println("   " + county + " (" + county.level() + ") lineage 层级: " + county.lineage());
        }
    }
}
