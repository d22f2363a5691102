package org.approvalrules.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.approvalrules.testkit.gen.IntakeLogGenerator;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * A realistic county for the demo and the tests, generated with a fixed seed into a supervision data directory
 * (docs/DATA-FORMAT.md): eight departments, about a hundred items with real statutory limits (公共场所卫生许可 20
 * working days, promised 5 …), cases accepted on working days from January 2025 to October 2026 across both Spring
 * Festival and National Day blocks (more in the week before each block), their events, results, the centre's and a
 * department's intake logs, staff, delegations, window schedules and fee charges. Planted problems the supervision
 * must find (or, for domains the job does not read yet, that the files carry): a gap in case numbers, results without
 * a case, cases recorded after their decision, two-end intake, a department with 60 % approval delegation, a window
 * open two days a week, a missed small-enterprise fee exemption, an item whose promise is above half its statutory
 * limit, a department whose catalogue is above the caps. Same seed, same files.
 */
public final class DemoCounty {
    /** The county: 湖北省黄冈市团风县 (Hubei has no local calendar layer: the national calendar, 2025–2026 covered). */
    public static final String LOCALITY = "421121";
    /** The as-of instant of the demo run. */
    public static final String AS_OF = "2026-10-20T12:00:00+08:00";
    /** The planted gap: D03's 2026 numbers 000117–000119 are missing. */
    public static final String GAP = "D03-2026-000117…D03-2026-000119";
    static final long SEED = 20261020L;

    private record Dept(String code, String name) {
    }

    private record Item(String code, String name, Dept dept, int statutory, int promised, boolean immediate, int steps,
            int materials, String fee, boolean inCentre) {
    }

    private static final Dept D01 = new Dept("D01", "县市场监督管理局");
    private static final Dept D02 = new Dept("D02", "县卫生健康局");
    private static final Dept D03 = new Dept("D03", "县自然资源和规划局");
    private static final Dept D04 = new Dept("D04", "县住房和城乡建设局");
    private static final Dept D05 = new Dept("D05", "县交通运输局");
    private static final Dept D06 = new Dept("D06", "县人力资源和社会保障局");
    private static final Dept D07 = new Dept("D07", "县民政局");
    private static final Dept D08 = new Dept("D08", "县文化和旅游局");
    static final List<Dept> DEPARTMENTS = List.of(D01, D02, D03, D04, D05, D06, D07, D08);

    /** name, department, statutory working days (0 = immediate), promised, steps, materials, fee standard id. */
    private static final Object[][] BASE = {
        {"个体工商户设立登记", D01, 15, 3, 2, 3, ""}, {"食品经营许可", D01, 20, 7, 3, 5, ""},
        {"食品生产许可", D01, 20, 10, 4, 6, ""}, {"特种设备使用登记", D01, 15, 5, 2, 4, ""},
        {"药品零售企业许可", D01, 30, 15, 4, 7, ""}, {"公共场所卫生许可", D02, 20, 5, 3, 4, ""},
        {"医疗机构执业登记", D02, 45, 20, 4, 8, ""}, {"放射诊疗许可", D02, 20, 10, 3, 5, ""},
        {"生活饮用水供水单位卫生许可", D02, 20, 10, 3, 4, ""}, {"医师执业注册", D02, 20, 5, 2, 4, ""},
        {"建设用地规划许可", D03, 20, 10, 4, 6, ""}, {"建设工程规划许可", D03, 20, 10, 4, 6, ""},
        {"乡村建设规划许可", D03, 20, 10, 3, 5, ""}, {"不动产首次登记", D03, 30, 5, 4, 6, "real-estate.non-residential"},
        {"建筑工程施工许可", D04, 15, 5, 3, 5, ""}, {"商品房预售许可", D04, 20, 10, 4, 7, ""},
        {"建筑业企业资质核准", D04, 20, 10, 4, 8, ""}, {"城镇污水排入排水管网许可", D04, 20, 10, 3, 5, ""},
        {"道路货物运输经营许可", D05, 20, 5, 3, 5, ""}, {"道路旅客运输经营许可", D05, 20, 10, 4, 6, ""},
        {"机动车维修经营备案", D05, 5, 1, 2, 3, ""}, {"出租汽车经营许可", D05, 20, 10, 3, 5, ""},
        {"人力资源服务许可", D06, 20, 10, 3, 4, ""}, {"劳务派遣经营许可", D06, 20, 10, 3, 5, ""},
        {"社会保障卡申领", D06, 0, 0, 1, 2, ""}, {"就业登记", D06, 0, 0, 1, 2, ""},
        {"社会团体成立登记", D07, 30, 15, 3, 6, ""}, {"民办非企业单位成立登记", D07, 30, 15, 3, 6, ""},
        {"婚姻登记", D07, 0, 0, 1, 3, ""}, {"养老机构备案", D07, 5, 2, 2, 4, ""},
        {"娱乐场所经营许可", D08, 20, 10, 3, 5, ""}, {"互联网上网服务营业场所经营许可", D08, 20, 10, 3, 5, ""},
        {"营业性演出许可", D08, 20, 5, 3, 4, ""}, {"旅行社设立许可", D08, 30, 10, 3, 5, ""},
    };
    private static final String[] VARIANTS = {"（新办）", "（变更）", "（延续）"};

    private DemoCounty() {
    }

    /**
     * Writes a county of {@code SCALE} × 11,000 cases into {@code DIR}, and with {@code INTAKE_RECORDS} intake records
     * in all (for the measurements of docs/PERFORMANCE.md): {@code DemoCounty DIR SCALE [INTAKE_RECORDS]}.
     */
    public static void main(String[] args) {
        try (org.approvalrules.ApprovalRules rules = org.approvalrules.ApprovalRules.builder().build()) {
            Path dir = Path.of(args[0]);
            Written w = write(dir, rules.locality(org.approvalrules.api.division.DivisionCode.parse(LOCALITY))
                    .calendar(), Integer.parseInt(args[1]));
            System.out.println(w.rows());
            if (args.length > 2) {
                System.out.println(addIntake(w, Long.parseLong(args[2])));
            }
        }
    }

    /** The seed of the other systems' intake log ({@link #addIntake}). */
    static final long INTAKE_SEED = 20261205L;

    /**
     * Brings the county's intake records to about {@code total}: the other systems' log {@code intake/other-systems.csv}
     * written by the testkit's seeded {@link IntakeLogGenerator} (its own 200 items, in 2024, with planted two-end
     * pairs and second exports), and the move-in register {@code moves.csv}: the generator's items and the county's
     * items in the centre (then the register is no longer derived from the catalogue). Returns what was planted
     * (nothing when the county's own logs already reach {@code total}).
     */
    public static IntakeLogGenerator.Planted addIntake(Written county, long total) {
        long own = county.rows().entrySet().stream().filter(e -> e.getKey().startsWith("intake/"))
                .mapToLong(Map.Entry::getValue).sum();
        if (total <= own) {
            return new IntakeLogGenerator.Planted(0, 0, 0);
        }
        Path dir = county.dir();
        IntakeLogGenerator.Planted planted = IntakeLogGenerator.writeLog(dir.resolve("intake/other-systems.csv"), total - own,
                INTAKE_SEED);
        Path moves = dir.resolve("moves.csv");
        IntakeLogGenerator.writeMoves(moves);
        try (var items = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("items.csv"), java.nio.charset.StandardCharsets.UTF_8));
                CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(moves, java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND), CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            for (var item : items) {
                if (!item.get("in_centre_from").isEmpty()) {
                    out.printRecord(item.get("item_code"), item.get("in_centre_from"), item.get("centre_only"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return planted;
    }

    /** Counts of what was written, by file. */
    public record Written(Path dir, Map<String, Integer> rows) {
    }

    /**
     * Writes the county into {@code dir} (created when absent), on {@code calendar} (working days); {@code scale}
     * multiplies the number of cases (1 for the demo's ≈ 11,000).
     */
    public static Written write(Path dir, WorkingCalendar calendar, int scale) {
        try {
            Files.createDirectories(dir.resolve("intake"));
            return new Generator(dir, calendar, scale).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Generator {
        final Path dir;
        final WorkingCalendar cal;
        final int scale;
        final SplittableRandom rnd = new SplittableRandom(SEED);
        final Map<String, Integer> rows = new java.util.LinkedHashMap<>();
        final List<Item> items = new ArrayList<>();
        final List<ApplicantId> applicants = new ArrayList<>();
        /** Decided 2026 cases of an item that charges a fee (for the charges). */
        final List<String> feeCases = new ArrayList<>();

        Generator(Path dir, WorkingCalendar cal, int scale) {
            this.dir = dir;
            this.cal = cal;
            this.scale = scale;
        }

        Written run() throws IOException {
            for (int i = 0; i < 3000; i++) {
                String first17 = "91421121" + String.format("%09d", 100000 + i);
                applicants.add(ApplicantId.creditCode(first17 + ApplicantId.creditCodeCheckChar(first17)));
            }
            items();
            cases();
            authorization();
            charges();
            return new Written(dir, rows);
        }

        CSVPrinter csv(String name, String... header) throws IOException {
            Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
            return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get());
        }

        void count(String file) {
            rows.merge(file, 1, Integer::sum);
        }

        void items() throws IOException {
            int n = 0;
            try (CSVPrinter p = csv("items.csv", "item_code", "item_name", "department", "department_name", "in_centre_from",
                    "centre_only", "statutory_limit", "promised_limit", "limit_unit", "immediate", "steps", "materials",
                    "fee_standards", "legal_basis", "conditions", "material_list", "procedure", "time_limit_text", "fee_basis",
                    "fee_standard_text")) {
                for (Object[] b : BASE) {
                    int variants = ((int) b[2]) == 0 ? 1 : 3;
                    for (int v = 0; v < variants; v++) {
                        Dept d = (Dept) b[1];
                        int statutory = (int) b[2];
                        int promised = (int) b[3];
                        String name = (String) b[0] + (variants == 1 ? "" : VARIANTS[v]);
                        if (v == 1 && statutory > 0) {
                            promised = Math.max(1, promised / 2); // a change is quicker
                        }
                        if (name.equals("放射诊疗许可（延续）")) {
                            promised = 15; // planted: 15 of 20 statutory days, above the 50 % cap
                        }
                        int steps = (int) b[4] + (d == D04 ? 2 : 0); // planted: D04's catalogue is above the caps
                        int materials = (int) b[5] + (d == D04 ? 2 : 0);
                        boolean inCentre = !(d == D05 && v == 2); // D05's renewals are still handled at the department
                        String code = "11421121" + d.code().substring(1) + "A" + String.format("%05d", ++n);
                        Item item = new Item(code, name, d, statutory, promised, statutory == 0, steps, materials,
                                (String) b[6], inCentre);
                        items.add(item);
                        String fee = item.fee();
                        p.printRecord(code, name, d.code(), d.name(), inCentre ? "2024-01-02" : "", "是",
                                statutory, promised, statutory == 0 ? "IMMEDIATE" : "WORKING_DAYS", statutory == 0 ? "是" : "否",
                                steps, materials, fee, "《" + b[0] + "管理办法》", "符合法定条件", materials + " 项材料",
                                "受理—审查—决定" + (steps > 3 ? "—制证" : ""), statutory == 0 ? "即办" : statutory + " 个工作日",
                                fee.isEmpty() ? "" : "发改价格规〔2016〕2559号", fee.isEmpty() ? "不收费" : "按标准收取");
                        count("items.csv");
                    }
                }
            }
        }

        LocalDate workingDayAfter(LocalDate d, int n) {
            return n == 0 ? d : cal.plusWorkingDays(d, n);
        }

        void cases() throws IOException {
            LocalDate from = LocalDate.of(2025, 1, 2);
            LocalDate to = LocalDate.of(2026, 10, 19);
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (cal.isWorkingDay(d)) {
                    days.add(d);
                    // the week before each holiday block is busier
                    if (beforeBlock(d)) {
                        days.add(d);
                        days.add(d);
                    }
                }
            }
            int total = 11_000 * scale;
            Map<String, Integer> seq = new HashMap<>();
            LocalDateTime asOf = LocalDateTime.of(2026, 10, 20, 12, 0);
            List<String[]> centreIntake = new ArrayList<>();
            try (CSVPrinter cases = csv("cases.csv", "case_number", "item_code", "department", "applicant_id", "id_type",
                    "applicant_category", "channel", "channel_name", "accepted", "decided", "delivered", "result_place", "recorded");
                    CSVPrinter events = csv("events.csv", "case_number", "kind", "at", "procedure", "days", "reference");
                    CSVPrinter results = csv("results.csv", "case_number", "item_code", "kind", "place", "at")) {
                List<LocalDate> sorted = new ArrayList<>(days);
                List<LocalDate> picks = new ArrayList<>(total);
                for (int i = 0; i < total; i++) {
                    picks.add(sorted.get(rnd.nextInt(sorted.size())));
                }
                picks.sort(null);
                int recordedLate = 0;
                for (LocalDate day : picks) {
                    Item item = items.get(rnd.nextInt(items.size()));
                    if (!item.inCentre()) {
                        item = items.get(0);
                    }
                    String year = String.valueOf(day.getYear());
                    String key = item.dept().code() + "-" + year;
                    int s = seq.merge(key, 1, Integer::sum);
                    if (key.equals("D03-2026") && s == 117) {
                        s = 120; // planted gap: 117–119 never recorded
                        seq.put(key, s);
                    }
                    String number = key + "-" + String.format("%06d", s);
                    LocalDateTime accepted = day.atTime(LocalTime.of(8 + rnd.nextInt(9), rnd.nextInt(60)));
                    if (accepted.getHour() == 12) {
                        accepted = accepted.withHour(14);
                    }
                    ApplicantId applicant = applicants.get(rnd.nextInt(applicants.size()));
                    events.printRecord(number, "APPLICATION", accepted.minusMinutes(5 + rnd.nextInt(40)), "", "", "");
                    events.printRecord(number, "ACCEPTANCE", accepted, "", "", "");
                    count("events.csv");
                    count("events.csv");
                    // how long it takes: immediate items the same day; others mostly within the promise
                    LocalDateTime decided;
                    int limit = item.promised();
                    if (item.immediate()) {
                        decided = accepted.plusMinutes(10 + rnd.nextInt(50));
                        if (rnd.nextInt(100) < 3) {
                            decided = LocalDateTime.of(workingDayAfter(day, 1), LocalTime.of(9, 30));
                        }
                    } else {
                        int used = rnd.nextInt(100) < 4 ? limit + 1 + rnd.nextInt(3) : rnd.nextInt(Math.max(1, limit) + 1);
                        LocalDate dd = workingDayAfter(day, used);
                        decided = dd.atTime(LocalTime.of(9 + rnd.nextInt(7), rnd.nextInt(60)));
                        if (decided.isBefore(accepted.plusMinutes(10))) {
                            decided = accepted.plusMinutes(30);
                        }
                        if (rnd.nextInt(100) < 5) {
                            LocalDateTime notice = accepted.plusHours(1);
                            events.printRecord(number, "CORRECTION_REQUESTED", notice, "", "", "");
                            events.printRecord(number, "CORRECTION_RECEIVED", notice.plusDays(1 + rnd.nextInt(3)), "", "", "");
                            count("events.csv");
                            count("events.csv");
                            decided = decided.plusDays(4);
                        } else if (rnd.nextInt(100) < 4 && item.statutory() >= 20) {
                            LocalDate start = workingDayAfter(day, 1);
                            LocalDate end = workingDayAfter(start, 3);
                            events.printRecord(number, "PROCEDURE_START", start.atTime(9, 0), "EXPERT_REVIEW", "", "专家评审");
                            events.printRecord(number, "PROCEDURE_END", end.atTime(17, 0), "EXPERT_REVIEW", "", "");
                            count("events.csv");
                            count("events.csv");
                            if (!decided.isAfter(end.atTime(17, 0))) {
                                decided = workingDayAfter(end, 1).atTime(10, 0);
                            }
                        }
                    }
                    boolean open = decided.isAfter(asOf);
                    String decidedText = open ? "" : decided.toString();
                    String deliveredText = "";
                    if (!open) {
                        events.printRecord(number, "DECISION", decided, "", "", "");
                        count("events.csv");
                        LocalDateTime delivered = decided.plusHours(1);
                        if (!delivered.isAfter(asOf)) {
                            deliveredText = delivered.toString();
                            events.printRecord(number, "DELIVERY", delivered, "", "", "");
                            count("events.csv");
                            results.printRecord(number, item.code(), item.steps() > 3 ? "CERTIFICATE" : "RESULT", "WINDOW",
                                    decided);
                            count("results.csv");
                        }
                    }
                    String recorded = accepted.plusMinutes(1).toString();
                    if (!open && recordedLate < 3 && item.dept() == D08 && day.getYear() == 2026 && rnd.nextInt(20) == 0) {
                        recorded = decided.plusDays(2).toString(); // planted: recorded after the decision
                        recordedLate++;
                    }
                    if (!open && !item.fee().isEmpty() && day.getYear() == 2026 && feeCases.size() < 2) {
                        feeCases.add(number);
                    }
                    String category = rnd.nextInt(10) == 0 ? "SMALL_MICRO_ENTERPRISE" : "OTHER_ORGANISATION";
                    cases.printRecord(number, item.code(), item.dept().code(), applicant.value(), "49", category,
                            "CENTRE_WINDOW", "县政务服务中心", accepted, decidedText, deliveredText, "WINDOW", recorded);
                    count("cases.csv");
                    centreIntake.add(new String[] {number, item.code(), applicant.value(), "CENTRE_WINDOW", "县政务服务中心",
                            accepted.toString()});
                }
                // planted: two results whose cases were never recorded (体外循环)
                results.printRecord("D05-2026-900001", items.get(60).code(), "CERTIFICATE", "DEPARTMENT", "2026-03-10T10:00");
                results.printRecord("D05-2026-900002", items.get(60).code(), "CERTIFICATE", "DEPARTMENT", "2026-04-14T15:20");
                count("results.csv");
                count("results.csv");
            }
            try (CSVPrinter centre = csv("intake/centre.csv", "case_number", "item_code", "applicant_id", "channel",
                    "channel_name", "accepted")) {
                for (String[] r : centreIntake) {
                    centre.printRecord((Object[]) r);
                    count("intake/centre.csv");
                }
            }
            // planted: the health department also accepts 公共场所卫生许可 at its own office (两头受理)
            Item hygiene = items.stream().filter(i -> i.name().equals("公共场所卫生许可（新办）")).findFirst().orElseThrow();
            try (CSVPrinter dept = csv("intake/department-D02.csv", "case_number", "item_code", "applicant_id", "channel",
                    "channel_name", "accepted")) {
                int k = 0;
                for (String[] r : centreIntake) {
                    if (r[1].equals(hygiene.code()) && k < 4) {
                        LocalDateTime at = LocalDateTime.parse(r[5]).minusDays(3 + k);
                        dept.printRecord("WJ-" + at.getYear() + "-" + String.format("%04d", ++k), r[1], r[2], "DEPARTMENT",
                                "县卫生健康局办公室", at);
                        count("intake/department-D02.csv");
                    }
                }
            }
        }

        boolean beforeBlock(LocalDate d) {
            for (LocalDate block : List.of(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 2, 15),
                    LocalDate.of(2026, 10, 1))) {
                if (!d.isAfter(block) && d.isAfter(block.minusDays(8))) {
                    return true;
                }
            }
            return false;
        }

        void authorization() throws IOException {
            try (CSVPrinter staff = csv("staff.csv", "staff_id", "name", "department", "role", "window", "appointment_document",
                    "from", "to", "end_reason", "powers")) {
                int w = 0;
                for (Dept d : DEPARTMENTS) {
                    w++;
                    staff.printRecord("S" + d.code() + "1", "首席代表" + w, d.code(), "CHIEF_REPRESENTATIVE", "W" + w,
                            d.name() + "〔2024〕" + w + "号", "2024-01-02", "", "", "ACCEPTANCE;REVIEW;APPROVAL");
                    staff.printRecord("S" + d.code() + "2", "窗口人员" + w, d.code(), "WINDOW", "W" + w, "", "2024-01-02", "", "",
                            "ACCEPTANCE");
                    count("staff.csv");
                    count("staff.csv");
                }
            }
            try (CSVPrinter del = csv("delegations.csv", "department", "item_code", "power", "document", "from", "to")) {
                for (Item item : items) {
                    for (String power : List.of("ACCEPTANCE", "REVIEW", "APPROVAL", "COORDINATION", "CERTIFICATION", "DELIVERY",
                            "LITIGATION")) {
                        if (power.equals("APPROVAL") && item.dept() == D04 && items.indexOf(item) % 5 >= 3) {
                            continue; // planted: D04 delegates approval for 3 of every 5 items (60 %)
                        }
                        del.printRecord(item.dept().code(), item.code(), power, item.dept().name() + "授权〔2024〕1号",
                                "2024-01-02", "");
                        count("delegations.csv");
                    }
                }
            }
            try (CSVPrinter sch = csv("schedules.csv", "window", "department", "days", "opens", "closes", "from", "to")) {
                int w = 0;
                for (Dept d : DEPARTMENTS) {
                    w++;
                    // planted: the civil-affairs window opens on Tuesdays and Thursdays only
                    String days = d == D07 ? "TUE;THU" : "EVERY_WORKING_DAY";
                    sch.printRecord("W" + w, d.code(), days, "09:00", "17:00", "2024-01-02", "");
                    count("schedules.csv");
                }
            }
        }

        void charges() throws IOException {
            try (CSVPrinter ch = csv("charges.csv", "id", "case_number", "standard", "date", "quantity", "prior_in_month",
                    "applicant_category", "evidence", "charged", "collected_through", "place")) {
                // planted: a small enterprise with its written pledge charged the full non-residential fee (exempt since 2021)
                ch.printRecord("F-2026-0001", feeCases.get(0), "real-estate.non-residential", "2026-03-03", 1, 0,
                        "SMALL_MICRO_ENTERPRISE", "WRITTEN_PLEDGE", "550.00", "UNIFIED", "CENTRE_WINDOW");
                ch.printRecord("F-2026-0002", feeCases.get(1), "real-estate.residential", "2026-03-04", 1, 0, "INDIVIDUAL",
                        "", "80.00", "UNIFIED", "CENTRE_WINDOW");
                count("charges.csv");
                count("charges.csv");
            }
        }
    }
}
