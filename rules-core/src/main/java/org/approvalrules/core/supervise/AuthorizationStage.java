package org.approvalrules.core.supervise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationScorecard;
import org.approvalrules.api.authorization.PowerRate;
import org.approvalrules.core.authorization.AuthorizationDataReader;
import org.approvalrules.core.records.Rejects;

/**
 * Window authorization (窗口授权) through the authorization domain's own entry point: the data directory's
 * {@code delegations}, {@code staff}, {@code schedules} and {@code steps} files read by
 * {@link AuthorizationDataReader} (bad lines rejected), assessed by {@code Locality.authorizationReport} as of the
 * run's date: rates per department and power over the in-centre catalogue into the summary's {@code authorization}
 * section, the findings of the {@code authorization.*} rules into findings.jsonl, each part without its file listed
 * as not checked. The catalogue is the one the job has read ({@code items.csv} is read once per run). The
 * authorization files are read as CSV only: a {@code .jsonl} one makes the domain not checked.
 */
final class AuthorizationStage implements SupervisionStage {
    private static final List<String> FILES = List.of("delegations", "staff", "schedules", "steps");

    @Override
    public String domain() {
        return "authorization";
    }

    @Override
    public void run(SupervisionRun run) {
        List<String> present = FILES.stream().filter(b -> SupervisionFiles.find(run.data, b).isPresent()).toList();
        if (present.isEmpty()) {
            run.notChecked(domain(), "无 delegations/staff/schedules/steps 文件：未检查窗口授权",
                    "no delegations/staff/schedules/steps files: window authorization was not checked");
            return;
        }
        List<String> jsonl = FILES.stream()
                .filter(b -> SupervisionFiles.find(run.data, b).map(SupervisionFiles.Source::jsonl).orElse(false)).toList();
        if (!jsonl.isEmpty()) {
            run.notChecked(domain(), "窗口授权记录只读 CSV，" + jsonl + " 为 JSON Lines：未检查窗口授权",
                    "authorization records are read from CSV only, " + jsonl + " are JSON Lines: window authorization was not checked");
            return;
        }
        // items.csv and cases.csv are read (and their bad lines counted) by the job's own reader already
        Set<String> counted = Set.of("items.csv", "cases.csv");
        Rejects rejects = Rejects.continuing(r -> {
            if (!counted.contains(r.file())) {
                run.reject(r);
            }
        });
        // the catalogue the job has read (items.csv is read once per run)
        List<org.approvalrules.api.authorization.CatalogueItem> catalogue = run.items.values().stream()
                .map(i -> new org.approvalrules.api.authorization.CatalogueItem(i.code(), i.department(), i.departmentName(),
                        i.inCentreFrom())).toList();
        AuthorizationData data = AuthorizationDataReader.read(run.data, catalogue, rejects);
        count(run, data, "delegations", data.delegations().size());
        count(run, data, "staff", data.staff().size());
        count(run, data, "schedules", data.rosters().size());
        count(run, data, "steps", data.steps().size());
        AuthorizationScorecard card = run.locality.authorizationReport(data, run.asOfDate);
        run.write(card.findings());
        for (AuthorizationData.Part p : card.notChecked()) {
            run.notChecked("authorization." + p.name().toLowerCase(java.util.Locale.ROOT),
                    "无 " + p.file() + "：该部分未检查", "no " + p.file() + ": that part was not checked");
        }
        for (PowerRate r : card.rates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("department", r.department());
            m.put("power", r.power().name());
            m.put("numerator", r.numerator());
            m.put("denominator", r.denominator());
            m.put("rate", r.rate());
            m.put("target", r.target().doubleValue());
            m.put("missing", r.missing());
            run.section("authorization").add(m);
        }
    }

    private static void count(SupervisionRun run, AuthorizationData data, String base, int records) {
        if (data.given().contains(AuthorizationData.Part.valueOf(base.toUpperCase(java.util.Locale.ROOT)))) {
            run.counted(base + ".csv", records);
        }
    }
}
