package org.approvalrules.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * The eleven national deadline rules hand-written in plain Java, producing the same findings (messages,
 * references, severities, parameter values used; {@code PlainJavaDeadlineChecksTest} checks it) as the
 * DRL pack: the baseline that prices the editability of rule packs. Written as a careful developer would:
 * one pass per case, parameters read through the same {@link ParameterSet} the rules use.
 */
final class PlainJavaDeadlineChecks {
    private static final String YELLOW_DAYS = "deadline.yellow.remaining-working-days";
    private static final String CAP = "deadline.promised.max-share-of-statutory";
    private static final String NOTICE_DAYS = "correction.notice.max-working-days";
    private static final String DELIVERY_DAYS = "delivery.max-working-days";
    private static final List<String> YELLOW_PARAMS = List.of(YELLOW_DAYS);
    private static final List<String> CAP_PARAMS = List.of(CAP);
    private static final List<String> NOTICE_PARAMS = List.of(NOTICE_DAYS);
    private static final List<String> DELIVERY_PARAMS = List.of(DELIVERY_DAYS);
    private static final List<String> LOCAL_KINDS_PARAMS = List.of("deadline.procedure.local-kinds");

    private final ParameterSet params;
    private final String version;

    PlainJavaDeadlineChecks(ParameterSet params, String version) {
        this.params = params;
        this.version = version;
    }

    private void add(List<Finding> out, String id, Severity s, CaseFacts c, String zh, String en, String ref,
            Map<String, String> used) {
        out.add(new Finding(id, s, c.caseId(), BilingualText.of(zh, en), ref, "000000", version, "", used, Map.of()));
    }

    /**
     * The findings of the eleven checks over {@code cases}. Includes what the Drools side includes: reading
     * the dated parameters by each case's acceptance date, building every {@link Finding} (message,
     * parameter values used, version), collecting them in one list. Excludes, like the Drools side,
     * computing the deadline figures (they are precomputed in {@link CaseFacts}).
     */
    List<Finding> evaluate(List<CaseFacts> cases) {
        List<Finding> out = new ArrayList<>();
        for (CaseFacts c : cases) {
            LocalDate d = c.acceptedOn();
            int pr = c.promisedRemainingWorkingDays();
            if (!c.completed() && pr >= 0 && pr <= params.intAt(YELLOW_DAYS, d)) {
                add(out, "deadline.yellow.promised", Severity.YELLOW, c, "临近承诺办结时限，剩余" + pr + "个工作日",
                        "promised due date near: " + pr + " working days left", "国办发〔2016〕108号 电子监察预警",
                        params.displayValues(YELLOW_PARAMS, d));
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
            if (c.promisedAboveShareOfStatutory(params.decimalAt(CAP, d))) {
                add(out, "deadline.promised.above-cap", Severity.YELLOW, c, "承诺时限为法定时限的 " + c.promisedShareOfStatutory()
                        + "，超过本地上限", "promised limit is " + c.promisedShareOfStatutory() + " of statutory, above the local cap",
                        "地方承诺时限压缩要求（比例由参数 deadline.promised.max-share-of-statutory 规定）",
                        params.displayValues(CAP_PARAMS, d));
            }
            int notice = c.correctionNoticeWorkingDays();
            if (notice >= 0 && notice > params.intAt(NOTICE_DAYS, d)) {
                add(out, "deadline.art32.late-correction-notice", Severity.RED, c, "补正告知在收到申请后第" + notice
                        + "个工作日才发出，逾期不告知的自收到材料之日起即为受理", "correction notice sent " + notice
                        + " working days after receipt: the case counts as accepted on receipt",
                        "行政许可法第三十二条第一款第（四）项", params.displayValues(NOTICE_PARAMS, d));
            }
            int delivery = c.deliveryWorkingDays();
            if (delivery >= 0 && delivery > params.intAt(DELIVERY_DAYS, d)) {
                add(out, "deadline.art44.late-delivery", Severity.RED, c, "决定后第" + delivery + "个工作日才送达",
                        "decision delivered " + delivery + " working days after it was made", "行政许可法第四十四条",
                        params.displayValues(DELIVERY_PARAMS, d));
            }
            if (c.procedureIrregularities() > 0) {
                int n = c.proceduresRecordedAfterDue();
                if (n > 0) {
                    add(out, "deadline.procedure.recorded-after-expiry", Severity.RED, c, "有" + n + "个特别程序在承诺时限届满后才登记",
                            n + " special procedure(s) recorded after the due date had passed",
                            "行政许可法第四十五条；电子监察：超期后补录特别程序", Map.of());
                }
                n = c.backDatedProcedures();
                if (n > 0) {
                    add(out, "deadline.procedure.back-dated", Severity.YELLOW, c, "有" + n + "个特别程序的开始时间早于登记时间（倒签）",
                            n + " special procedure(s) start before they were recorded (back-dated)",
                            "行政许可法第四十五条；电子监察：倒签特别程序", Map.of());
                }
                n = c.proceduresAtAcceptance();
                if (n > 0) {
                    add(out, "deadline.procedure.starts-at-acceptance", Severity.YELLOW, c, "有" + n + "个特别程序在受理时即开始（受理即暂停计时）",
                            n + " special procedure(s) start at the moment of acceptance",
                            "行政许可法第四十五条；电子监察：受理即暂停计时", Map.of());
                }
                n = c.unrecognisedProcedures();
                if (n > 0) {
                    add(out, "deadline.procedure.kind-not-recognised", Severity.YELLOW, c, "有" + n
                            + "个特别程序的种类在本地不暂停计时，未扣除", n
                            + " special procedure(s) of a kind that does not stop the clock here: not deducted",
                            "行政许可法第四十五条；本地可暂停计时的程序见参数 deadline.procedure.local-kinds",
                            params.displayValues(LOCAL_KINDS_PARAMS, d));
                }
            }
        }
        return out;
    }
}
