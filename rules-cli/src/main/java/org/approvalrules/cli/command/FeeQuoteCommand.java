package org.approvalrules.cli.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.cli.Options;
import org.approvalrules.core.rules.EntryPointAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules fee quote --standard ID --date DATE [--quantity N] [--prior-in-month N]
 * [--applicant-category C] [--evidence E,E] [--locality CODE] [--packs DIR] [--format text|json]}: what is due for
 * one request, line by line with the band and the basis, with the locality's standards in force on the date. Exit 0
 * when assessed, 2 for bad input (an unknown or ended standard, a quantity the standard does not count).
 */
@Command(name = "quote", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"计算一次申请的应收费用（逐行列明档次与依据） / what is due for one request, line by line",
                "示例 / example: fee quote --standard gov-info.per-request --date 2024-05-06 --prior-in-month 40",
                "输出格式 / --format: text（默认 / default）| json"})
public final class FeeQuoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FeeCommand.RequestOptions request;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    @Mixin
    Options.Format output;

    @Override
    public Integer call() throws Exception {
        String format = output.require(spec, "text", "json");
        if (request.date == null) {
            throw new ParameterException(spec.commandLine(), "缺少 --date（办件日期）/ --date is required (the case's date)");
        }
        try (ApprovalRules rules = packs.rules()) {
            EntryPointAccess.ruleSets(rules).repository().requireKnown(locality.code());
            ApprovalRules.Locality here = rules.locality(locality.code());
            FeeAssessment a = here.quoteFee(request.toRequest(spec, here, request.date));
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(DeadlineJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(FeeCommand.json(a, null, List.of())));
            } else {
                FeeCommand.text(out, a, null, List.of());
            }
            out.flush();
        }
        return 0;
    }
}
