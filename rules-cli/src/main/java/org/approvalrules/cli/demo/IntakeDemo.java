package org.approvalrules.cli.demo;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.intake.IntakeLogReader;

/**
 * Two-end intake on a bundled eight-record log of the example county (451031), whose pack approves its
 * police branch centre: department intake after move-in, two-end pairs, and an approved branch centre that is not.
 */
public final class IntakeDemo implements DemoSection {

    public static final String LOG = "intake/sample-log.csv";
    public static final String MOVES = "intake/sample-moves.csv";
    private static final DivisionCode COUNTY = DivisionCode.parse("451031");

    @Override
    public String title() {
        return "两头受理 / two-end intake";
    }

    @Override
    public void run(PrintWriter out) throws Exception {
        Path packs = RulesDemo.examplePacks();
        ApprovalRules.Builder b = ApprovalRules.builder();
        boolean county = Files.isDirectory(packs.resolve(COUNTY.toString()));
        if (county) {
            b.packs(packs);
        }
        List<ItemMove> moves;
        try (Reader r = resource(MOVES)) {
            moves = IntakeLogReader.readMoves(r, MOVES);
        }
        try (ApprovalRules rules = b.build(); Reader log = resource(LOG)) {
            IntakeScan s = rules.locality(COUNTY).scanIntake(moves);
            IntakeLogReader.read(log, LOG, s::add);
            List<Finding> findings = s.finish();
            out.println("   " + s.records() + " 条受理记录、" + moves.size() + " 个进驻事项，参数来自"
                    + (county ? "示例县包（批准的分中心：县公安分中心）" : "全国包") + " / " + s.records() + " intake records, "
                    + moves.size() + " moved items, parameters of the " + (county ? "example county pack" : "national pack"));
            for (Finding f : findings) {
                out.println("   " + f.ruleId() + " " + f.subject() + "：" + f.message().zh());
            }
        }
    }

    private static Reader resource(String name) {
        InputStream in = IntakeDemo.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
