package org.approvalrules.api.authorization;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;

/**
 * A locality's authorization records as of a supervision run: the item catalogue, delegations item × power,
 * staff spells, window rosters and case steps, each with whether it was given at all (a part not given means
 * "not checked", never "nothing wrong"). What {@code ApprovalRules.Locality#authorizationReport} measures.
 * Immutable.
 *
 * <p>Checked at construction (a reader rejects the offending lines first, naming file and line): each part
 * not given is empty; with the catalogue, every delegation's item is in it and belongs to the delegating
 * department; no two delegations of one item and power share a day; no step of a case is dated before the
 * case's acceptance step.
 *
 * @param items 事项目录 rows (items.csv)
 * @param delegations 授权 item × power (delegations.csv)
 * @param staff 人员 spells (staff.csv)
 * @param rosters 窗口排班 rows (schedules.csv)
 * @param steps 办理环节 (steps.csv)
 * @param given the parts given
 */
public record AuthorizationData(List<CatalogueItem> items, List<Delegation> delegations, List<StaffSpell> staff,
        List<WindowRoster> rosters, List<StepRecord> steps, Set<Part> given) {

    /** The parts of the data, one per file. */
    public enum Part {
        /** items.csv */
        ITEMS("items.csv"),
        /** delegations.csv */
        DELEGATIONS("delegations.csv"),
        /** staff.csv */
        STAFF("staff.csv"),
        /** schedules.csv */
        SCHEDULES("schedules.csv"),
        /** steps.csv */
        STEPS("steps.csv");

        private final String file;

        Part(String file) {
            this.file = file;
        }

        /** The file this part is read from. */
        public String file() {
            return file;
        }
    }

    public AuthorizationData {
        items = List.copyOf(InvalidValueException.requireNonNull(items, "data.items"));
        delegations = List.copyOf(InvalidValueException.requireNonNull(delegations, "data.delegations"));
        staff = List.copyOf(InvalidValueException.requireNonNull(staff, "data.staff"));
        rosters = List.copyOf(InvalidValueException.requireNonNull(rosters, "data.rosters"));
        steps = List.copyOf(InvalidValueException.requireNonNull(steps, "data.steps"));
        InvalidValueException.requireNonNull(given, "data.given");
        given = given.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(given));
        requireGiven(Part.ITEMS, items, given);
        requireGiven(Part.DELEGATIONS, delegations, given);
        requireGiven(Part.STAFF, staff, given);
        requireGiven(Part.SCHEDULES, rosters, given);
        requireGiven(Part.STEPS, steps, given);
        Map<String, String> departments = new HashMap<>();
        for (CatalogueItem i : items) {
            if (departments.put(i.itemCode(), i.department()) != null) {
                throw new InvalidValueException("data.items", i.itemCode(), "事项编码重复 / duplicate item code");
            }
        }
        if (given.contains(Part.ITEMS)) {
            for (Delegation d : delegations) {
                String problem = catalogueProblem(d, departments);
                if (problem != null) {
                    throw new InvalidValueException("data.delegations", d.itemCode(), problem);
                }
            }
        }
        Map<String, List<Delegation>> byKey = new HashMap<>();
        for (Delegation d : delegations) {
            byKey.computeIfAbsent(d.itemCode() + "\u0000" + d.power(), k -> new ArrayList<>()).add(d);
        }
        for (List<Delegation> same : byKey.values()) {
            same.sort(Comparator.comparing(Delegation::from));
            for (int i = 1; i < same.size(); i++) {
                if (same.get(i - 1).overlaps(same.get(i))) {
                    throw new InvalidValueException("data.delegations", same.get(i).itemCode() + "/" + same.get(i).power(),
                            overlapReason(same.get(i - 1)));
                }
            }
        }
        Map<String, LocalDateTime> accepted = acceptances(steps);
        for (StepRecord s : steps) {
            LocalDateTime a = accepted.get(s.caseNumber());
            if (a != null && s.at().isBefore(a)) {
                throw new InvalidValueException("data.steps", s.caseNumber(), beforeCaseReason(a));
            }
        }
    }

    /** Only some parts (the others empty and not given). */
    public static AuthorizationData of(List<CatalogueItem> items, List<Delegation> delegations, List<StaffSpell> staff,
            List<WindowRoster> rosters, List<StepRecord> steps) {
        return new AuthorizationData(items, delegations, staff, rosters, steps, EnumSet.allOf(Part.class));
    }

    /** Whether {@code part} was given. */
    public boolean has(Part part) {
        return given.contains(part);
    }

    /**
     * Why {@code d} does not fit the catalogue {@code departments} (item code → department), or null when it
     * does.
     */
    public static String catalogueProblem(Delegation d, Map<String, String> departments) {
        String dep = departments.get(d.itemCode());
        if (dep == null) {
            return "事项不在事项目录中 / the item is not in the item catalogue";
        }
        if (!dep.equals(d.department())) {
            return "事项属于部门 " + dep + "，不是 " + d.department() + " / the item belongs to department " + dep + ", not "
                    + d.department();
        }
        return null;
    }

    /** The reason given for a delegation overlapping {@code earlier}. */
    public static String overlapReason(Delegation earlier) {
        return "与同一事项、同一权力自 " + earlier.from() + " 起的授权（" + earlier.document() + "）期间重叠 / overlaps the delegation of "
                + "the same item and power from " + earlier.from() + " (" + earlier.document() + ")";
    }

    /** The reason given for a step dated before its case's acceptance at {@code accepted}. */
    public static String beforeCaseReason(LocalDateTime accepted) {
        return "环节时间早于办件受理时间 " + accepted + " / the step is dated before its case was accepted (" + accepted + ")";
    }

    /** The earliest acceptance step of each case. */
    public static Map<String, LocalDateTime> acceptances(List<StepRecord> steps) {
        Map<String, LocalDateTime> out = new HashMap<>();
        for (StepRecord s : steps) {
            if (s.step() == Power.ACCEPTANCE) {
                out.merge(s.caseNumber(), s.at(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        return out;
    }

    private static void requireGiven(Part part, List<?> rows, Set<Part> given) {
        if (!rows.isEmpty() && !given.contains(part)) {
            throw new InvalidValueException("data." + part.name().toLowerCase(java.util.Locale.ROOT), rows.size(),
                    "未给出的部分须为空 / a part not given must be empty");
        }
    }
}
