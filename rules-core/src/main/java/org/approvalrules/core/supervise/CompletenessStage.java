package org.approvalrules.core.supervise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.supervise.CompletenessFact;
import org.approvalrules.core.supervise.SupervisionData.CaseRecord;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;
import org.approvalrules.core.supervise.SupervisionData.ResultRecord;

/**
 * Data completeness (少录不录, 体外循环): gaps in each department's case-number sequence within a year, results or
 * certificates without a recorded case (when results are given), and cases recorded after their decision (when
 * cases carry their recording time). A case number is read as a prefix, then its sequence (the trailing digits);
 * the year is a 4-digit 19xx/20xx part of the prefix, else the acceptance year. Numbers are compared only within
 * one department, year and prefix, between the lowest and highest seen: a sequence that restarts each year or
 * differs by prefix is never a gap.
 */
final class CompletenessStage implements SupervisionStage {
    private static final Pattern NUMBER = Pattern.compile("(.*?)(\\d{1,18})");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    @Override
    public String domain() {
        return "completeness";
    }

    @Override
    public void run(SupervisionRun run) {
        List<CompletenessFact> facts = new ArrayList<>();
        facts.addAll(gaps(run.cases));
        for (CaseRecord c : run.cases) {
            if (c.recorded().isPresent() && c.decided().isPresent() && c.recorded().get().isAfter(c.decided().get())) {
                facts.add(new CompletenessFact(CompletenessFact.Kind.RECORDED_AFTER_DECISION, c.number(), c.department(),
                        c.decided().get().toLocalDate(), 1, "recorded " + c.recorded().get() + " > decided " + c.decided().get()));
            }
        }
        if (run.results != null) {
            Set<String> known = run.caseByNumber().keySet();
            for (ResultRecord r : run.results) {
                if (!known.contains(r.caseNumber())) {
                    CatalogueItem item = r.item().map(run.items::get).orElse(null);
                    String dep = r.department().orElse(item != null ? item.department() : "—");
                    facts.add(new CompletenessFact(CompletenessFact.Kind.RESULT_WITHOUT_CASE, r.caseNumber(), dep,
                            r.at().toLocalDate(), 1, r.item().orElse("") + " " + r.at()));
                }
            }
        } else {
            run.notChecked("completeness.results", "无 results 文件：未核对办结结果与出证是否都有办件记录",
                    "no results file: results and certificates were not matched with recorded cases");
        }
        List<Finding> found = run.judge(facts);
        // summary: one entry per finding's rule and department, with the count and the detail of the first
        Map<List<String>, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Finding f : found) {
            String dep = f.evidence().getOrDefault("department", f.subject());
            Map<String, Object> row = rows.computeIfAbsent(List.of(f.ruleId(), dep), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", f.ruleId());
                m.put("department", dep);
                m.put("count", 0L);
                m.put("detail", f.evidence().getOrDefault("detail", ""));
                return m;
            });
            row.put("count", (Long) row.get("count") + Long.parseLong(f.evidence().getOrDefault("count", "1")));
        }
        run.section("completeness").addAll(rows.values());
    }

    /** The gaps in the case numbers of each department, year and prefix. */
    static List<CompletenessFact> gaps(List<CaseRecord> cases) {
        Map<List<String>, Sequence> seqs = new HashMap<>();
        for (CaseRecord c : cases) {
            Matcher m = NUMBER.matcher(c.number());
            if (!m.matches()) {
                continue; // no trailing sequence: nothing to compare
            }
            String prefix = m.group(1);
            Matcher y = YEAR.matcher(prefix);
            String year = y.find() ? y.group(1) : String.valueOf(c.accepted().getYear());
            String width = String.valueOf(m.group(2).length());
            List<String> key = List.of(c.department(), year, prefix, width);
            seqs.computeIfAbsent(key, k -> new Sequence()).add(Long.parseLong(m.group(2)));
        }
        List<CompletenessFact> out = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>(seqs.keySet());
        keys.sort(java.util.Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)).thenComparing(k -> k.get(3)));
        for (List<String> key : keys) {
            Sequence q = seqs.get(key);
            int n = q.size;
            long[] s = Arrays.copyOf(q.numbers, n);
            Arrays.sort(s);
            int width = Integer.parseInt(key.get(3));
            LocalDate yearEnd = LocalDate.of(Integer.parseInt(key.get(1)), 12, 31);
            for (int i = 1; i < n; i++) {
                long missing = s[i] - s[i - 1] - 1;
                if (missing > 0) {
                    String from = key.get(2) + pad(s[i - 1] + 1, width);
                    String to = key.get(2) + pad(s[i] - 1, width);
                    out.add(new CompletenessFact(CompletenessFact.Kind.CASE_NUMBER_GAP, key.get(0), key.get(0), yearEnd,
                            missing, missing == 1 ? from : from + "…" + to));
                }
            }
        }
        return out;
    }

    /** The numbers seen in one sequence. */
    private static final class Sequence {
        long[] numbers = new long[16];
        int size;

        void add(long n) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            numbers[size++] = n;
        }
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
