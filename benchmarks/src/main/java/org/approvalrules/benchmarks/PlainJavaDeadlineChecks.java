package org.approvalrules.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * The ten national deadline rules hand-written in plain Java, producing the same findings (same ids,
 * messages, parameters) as the DRL pack: the baseline that prices the editability of rule packs.
 */
final class PlainJavaDeadlineChecks {
    private final ParameterSet params;
    private final String version;

    PlainJavaDeadlineChecks(ParameterSet params, String version) {
        this.params = params;
        this.version = version;
    }

    private void add(List<Finding> out, String id, Severity s, CaseFacts c, String zh, String en, String ref,
            Map<String, String> used) {
        out.add(new Finding(id, s, BilingualText.of(zh, en), c.caseId(), ref, version, "000000", used));
    }

    List<Finding> evaluate(List<CaseFacts> cases) {
        List<Finding> out = new ArrayList<>();
        for (CaseFacts c : cases) {
            var d = c.acceptedOn();
            int yellow = params.intAt("deadline.yellow.remaining-working-days", d);
            int pr = c.promisedRemainingWorkingDays();
            if (!c.completed() && pr >= 0 && pr <= yellow) {
                add(out, "deadline.yellow.promised", Severity.YELLOW, c, "临近承诺办结时限，剩余" + pr + "个工作日",
                        "promised due date near: " + pr + " working days left", "国办发〔2016〕108号 电子监察预警",
                        params.displayValues(List.of("deadline.yellow.remaining-working-days"), d));
            }
            if (pr < 0) {
                add(out, "deadline.red.promised", Severity.RED, c, "超过承诺办结时限" + (-pr) + "个工作日",
                        "past the promised due date by " + (-pr) + " working days", "行政许可法第四十二条；承诺办结时限", Map.of());
            }
            int sr = c.statutoryRemainingWorkingDays();
            if (sr < 0) {
                add(out, "deadline.red.statutory", Severity.RED, c, "超过法定办结时限" + (-sr) + "个工作日",
                        "past the statutory due date by " + (-sr) + " working days", "行政许可法第四十二条", Map.of());
            }
            if (c.limitsComparable() && c.promisedLimit().amount() > c.statutoryLimit().amount()) {
                add(out, "deadline.promised.above-statutory", Severity.RED, c, "承诺时限 " + c.promisedLimit() + " 超过法定时限 "
                        + c.statutoryLimit(), "promised limit " + c.promisedLimit() + " exceeds the statutory "
                        + c.statutoryLimit(), "行政许可法第四十二条；承诺时限不得超过法定时限", Map.of());
            }
            if (c.limitsComparable() && c.promisedShareOfStatutory().compareTo(
                    params.decimalAt("deadline.promised.max-share-of-statutory", d)) > 0) {
                add(out, "deadline.promised.above-cap", Severity.YELLOW, c, "承诺时限为法定时限的 " + c.promisedShareOfStatutory()
                        + "，超过本地上限", "promised limit is " + c.promisedShareOfStatutory() + " of statutory, above the local cap",
                        "地方承诺时限压缩要求", params.displayValues(List.of("deadline.promised.max-share-of-statutory"), d));
            }
            if (c.correctionNoticeWorkingDays() > params.intAt("correction.notice.max-working-days", d)) {
                add(out, "deadline.art32.late-correction-notice", Severity.RED, c, "补正告知在收到申请后第" + c.correctionNoticeWorkingDays()
                        + "个工作日才发出", "correction notice sent " + c.correctionNoticeWorkingDays() + " working days after receipt",
                        "行政许可法第三十二条", params.displayValues(List.of("correction.notice.max-working-days"), d));
            }
            if (c.deliveryWorkingDays() > params.intAt("delivery.max-working-days", d)) {
                add(out, "deadline.art44.late-delivery", Severity.RED, c, "决定后第" + c.deliveryWorkingDays() + "个工作日才送达",
                        "decision delivered " + c.deliveryWorkingDays() + " working days after it was made", "行政许可法第四十四条",
                        params.displayValues(List.of("delivery.max-working-days"), d));
            }
            if (c.proceduresRecordedAfterDue() > 0) {
                add(out, "deadline.procedure.recorded-after-expiry", Severity.RED, c, "特别程序在时限届满后才登记",
                        "special procedure recorded after the due date", "行政许可法第四十五条", Map.of());
            }
            if (c.backDatedProcedures() > 0) {
                add(out, "deadline.procedure.back-dated", Severity.YELLOW, c, "特别程序倒签", "back-dated special procedure",
                        "行政许可法第四十五条", Map.of());
            }
            if (c.proceduresAtAcceptance() > 0) {
                add(out, "deadline.procedure.starts-at-acceptance", Severity.YELLOW, c, "受理即开始特别程序", "procedure at acceptance",
                        "行政许可法第四十五条", Map.of());
            }
        }
        return out;
    }
}
