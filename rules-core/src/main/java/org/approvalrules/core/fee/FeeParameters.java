package org.approvalrules.core.fee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeComponent;
import org.approvalrules.api.fee.FeeExemption;
import org.approvalrules.api.fee.FeeFormula;
import org.approvalrules.api.fee.FeeSchedule;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.money.Money;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.fee.FeeCatalog.ComponentDefinition;
import org.approvalrules.core.fee.FeeCatalog.ExemptionDefinition;
import org.approvalrules.core.fee.FeeCatalog.StandardDefinition;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.TableRow;
import org.approvalrules.api.fee.FeeBand;
import org.approvalrules.api.fee.SteppedTail;

/**
 * The {@link FeeSchedule} of a locality: the {@link FeeCatalog}'s shapes with the numbers of the pack's
 * dated parameters in force on the date asked (the case's date, never today's). A locality changes a
 * standard by defining the same parameter id in its pack, from a date, with its document; before that
 * date the ancestor's value still applies. A standard is in force on a date when every parameter of its
 * components has a value that day; an exemption when its {@code applies-to} has one. Legal bases are the
 * references of the values used. Immutable and thread-safe.
 *
 * <p>A value that cannot be used (a negative or sub-fen rate, malformed bands, an unknown evidence name or
 * standard id) is a {@link DataFormatException} naming the parameter id, its file and line; {@link #check}
 * reports every such value of a pack at once, for {@code rules check}.
 */
public final class FeeParameters implements FeeSchedule {
    private final ParameterSet params;
    private final FeeCatalog catalog;
    private final String version;

    /**
     * @param params the locality's effective parameters
     * @param catalog the shapes (normally {@link FeeCatalog#national()})
     * @param version the rule-set version findings carry
     */
    public FeeParameters(ParameterSet params, FeeCatalog catalog, String version) {
        this.params = InvalidValueException.requireNonNull(params, "params");
        this.catalog = InvalidValueException.requireNonNull(catalog, "catalog");
        this.version = InvalidValueException.requireNonNull(version, "version");
    }

    /** The catalogue of shapes. */
    public FeeCatalog catalog() {
        return catalog;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Optional<FeeStandard> standard(String id, LocalDate date) {
        InvalidValueException.requireNonNull(id, "standardId");
        InvalidValueException.requireNonNull(date, "date");
        Optional<StandardDefinition> def = catalog.standard(id);
        if (def.isEmpty() || ended(def.get(), date).isPresent()) {
            return Optional.empty();
        }
        return build(id, def, date);
    }

    /** The standard as its parameters give it on {@code date}, whether or not it has ended (so that {@link #check} sees every value). */
    private Optional<FeeStandard> build(String id, Optional<StandardDefinition> def, LocalDate date) {
        Used used = new Used();
        List<FeeComponent> components = new ArrayList<>();
        for (ComponentDefinition c : def.get().components()) {
            List<String> ids = FeeCatalog.parameterIds(def.get(), c);
            List<DatedValue> values = new ArrayList<>();
            for (String pid : ids) {
                Optional<DatedValue> v = used.valueOn(params, pid, date);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                values.add(v.get());
            }
            components.add(new FeeComponent(c.id(), c.name(), c.quantity(), formula(c, ids, values)));
        }
        return Optional.of(new FeeStandard(id, def.get().name(), used.references(), components,
                def.get().exclusiveGroup(), used.layer(), used.values));
    }

    @Override
    public Optional<LocalDate> ended(String id, LocalDate date) {
        InvalidValueException.requireNonNull(id, "standardId");
        InvalidValueException.requireNonNull(date, "date");
        return catalog.standard(id).flatMap(d -> ended(d, date));
    }

    /** The last day in force when {@code fee.<standard>.in-force} is false on {@code date}. */
    private Optional<LocalDate> ended(StandardDefinition def, LocalDate date) {
        String pid = FeeCatalog.inForceParameterId(def);
        Optional<DatedValue> v = params.get(pid).flatMap(p -> p.valueOn(date));
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get().value() instanceof Boolean b)) {
            throw bad(pid, v.get(), "须为 true（有效）或 false（停止收费）/ must be true (in force) or false (ended)");
        }
        return b ? Optional.empty() : Optional.of(v.get().from().minusDays(1));
    }

    @Override
    public List<FeeExemption> exemptions(LocalDate date) {
        InvalidValueException.requireNonNull(date, "date");
        List<FeeExemption> out = new ArrayList<>();
        for (ExemptionDefinition e : catalog.exemptions()) {
            exemption(e, date).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private Optional<FeeExemption> exemption(ExemptionDefinition e, LocalDate date) {
        List<String> ids = FeeCatalog.parameterIds(e);
        Used used = new Used();
        Optional<DatedValue> appliesTo = used.valueOn(params, ids.get(0), date);
        if (appliesTo.isEmpty()) {
            return Optional.empty();
        }
        Optional<DatedValue> evidence = used.valueOn(params, ids.get(1), date);
        if (evidence.isEmpty()) {
            throw new InvalidValueException("parameter." + ids.get(1), date, "减免" + e.code() + "在该日期没有所需凭证取值 / "
                    + "exemption " + e.code() + " has no evidence value in force on that date");
        }
        return Optional.of(new FeeExemption(e.code(), e.name(), appliesTo.get().reference(), e.categories(),
                evidence(ids.get(1), evidence.get()), standardIds(ids.get(0), appliesTo.get()), used.layer(),
                used.values));
    }

    /**
     * Checks the standards the pack defines ({@link FeeCatalog#of}) and every dated value of their parameters.
     *
     * @throws RulePackException listing each unusable definition or value with its file and line
     */
    public static void check(ParameterSet params) {
        FeeCatalog catalog;
        try {
            catalog = FeeCatalog.of(params);
        } catch (DataFormatException e) {
            throw new RulePackException(List.of(new RulePackException.Problem(e.file(), e.line(), e.getMessage())));
        }
        check(params, catalog);
    }

    /**
     * Checks every dated value of every fee parameter the pack defines, so that {@code rules check} rejects
     * a pack whose fee values cannot be used.
     *
     * @throws RulePackException listing each unusable value with its file and line
     */
    public static void check(ParameterSet params, FeeCatalog catalog) {
        InvalidValueException.requireNonNull(params, "params");
        InvalidValueException.requireNonNull(catalog, "catalog");
        List<RulePackException.Problem> problems = new ArrayList<>();
        FeeParameters probe = new FeeParameters(params, catalog, "check");
        for (StandardDefinition s : catalog.standards()) {
            for (DatedValue v : params.get(FeeCatalog.inForceParameterId(s)).map(Parameter::values).orElse(List.of())) {
                try {
                    probe.ended(s.id(), v.from());
                } catch (DataFormatException e) {
                    problems.add(new RulePackException.Problem(e.file(), e.line(), e.getMessage()));
                }
            }
            for (ComponentDefinition c : s.components()) {
                List<String> ids = FeeCatalog.parameterIds(s, c);
                for (String pid : ids) {
                    for (DatedValue v : params.get(pid).map(Parameter::values).orElse(List.of())) {
                        try {
                            probe.build(s.id(), Optional.of(s), v.from());
                        } catch (DataFormatException e) {
                            problems.add(new RulePackException.Problem(e.file(), e.line(), e.getMessage()));
                        }
                    }
                }
            }
        }
        for (ExemptionDefinition e : catalog.exemptions()) {
            for (String pid : FeeCatalog.parameterIds(e)) {
                for (DatedValue v : params.get(pid).map(Parameter::values).orElse(List.of())) {
                    try {
                        probe.exemption(e, v.from());
                    } catch (DataFormatException x) {
                        problems.add(new RulePackException.Problem(x.file(), x.line(), x.getMessage()));
                    } catch (InvalidValueException x) {
                        problems.add(new RulePackException.Problem(v.file(), v.line(), x.getMessage()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems.stream().distinct().toList());
        }
    }

    // ---- conversions: each error names the parameter, its file and line ----

    private static DataFormatException bad(String id, DatedValue v, String reason) {
        return new DataFormatException(v.file(), v.line(), id, v.display(), reason);
    }

    private static FeeFormula formula(ComponentDefinition c, List<String> ids, List<DatedValue> values) {
        try {
            return switch (c.shape()) {
                case FIXED -> new FeeFormula.FixedPerUnit(money(ids.get(0), values.get(0)));
                case FIRST_FREE -> new FeeFormula.FirstFreeThenEach(count(ids.get(0), values.get(0)),
                        money(ids.get(1), values.get(1)));
                case BANDS -> bands(ids.get(0), values.get(0));
            };
        } catch (InvalidValueException e) {
            throw bad(ids.get(0), values.get(0), e.getMessage());
        }
    }

    private static Money money(String id, DatedValue v) {
        BigDecimal b = v.value() instanceof Integer i ? BigDecimal.valueOf(i) : v.value() instanceof BigDecimal x ? x : null;
        if (b == null || b.signum() < 0) {
            throw bad(id, v, "收费金额须为不小于0的元数 / a fee amount must be a number of yuan, not negative");
        }
        try {
            return Money.of(b);
        } catch (InvalidValueException e) {
            throw bad(id, v, "收费金额须精确到分（最多两位小数）/ a fee amount must be whole fen (at most 2 decimals)");
        }
    }

    private static int count(String id, DatedValue v) {
        if (!(v.value() instanceof Integer i) || i < 0) {
            throw bad(id, v, "免费数量须为不小于0的整数 / free units must be a whole number, not negative");
        }
        return i;
    }

    private static FeeFormula.ProgressiveBands bands(String id, DatedValue v) {
        if (!(v.value() instanceof List<?> l)) {
            throw bad(id, v, "档次须为列表 / bands must be a list of rows {from, to, rate, basis}");
        }
        if (!l.isEmpty() && l.stream().allMatch(TableRow.class::isInstance)) {
            return table(id, v, l.stream().map(TableRow.class::cast).toList());
        }
        try {
            return FeeFormula.ProgressiveBands.parse(l.stream().map(String::valueOf).toList());
        } catch (InvalidValueException e) {
            throw bad(id, v, e.getMessage());
        }
    }

    /** The keys a band row may have. */
    static final List<String> BAND_KEYS = List.of("from", "to", "rate", "basis", "step-every", "step-add");

    /**
     * Structured bands ({@code type: table}): rows {@code {from, to, rate, basis}}, contiguous from unit 1, each with
     * its basis; the last row either open (no {@code to}) or a stepped tail ({@code step-every}, {@code step-add}:
     * every so many units the rate rises by so much). Each error names the row's line and the row.
     */
    private static FeeFormula.ProgressiveBands table(String id, DatedValue v, List<TableRow> rows) {
        List<FeeBand> bands = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        Optional<SteppedTail> tail = Optional.empty();
        int next = 1;
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i);
            boolean last = i == rows.size() - 1;
            for (String k : r.cells().keySet()) {
                if (!BAND_KEYS.contains(k)) {
                    throw badRow(id, v, r, "未知键 " + k + "（可用 " + BAND_KEYS + "） / unknown key " + k + " (allowed: " + BAND_KEYS + ")");
                }
            }
            String basis = r.get("basis").orElseThrow(() -> badRow(id, v, r, "档次缺少依据（basis） / a band needs its basis"));
            int from = rowInt(id, v, r, "from").orElseThrow(() -> badRow(id, v, r, "档次缺少起点（from） / a band needs 'from'"));
            if (from < next) {
                throw badRow(id, v, r, "与上一档重叠：应从第" + next + "件（页）起 / overlaps the band before: it should start at " + next);
            }
            if (from > next) {
                throw badRow(id, v, r, "与上一档之间有空档：第" + next + "至" + (from - 1) + "件（页）没有费率 / leaves a gap: units "
                        + next + " to " + (from - 1) + " have no rate");
            }
            Money rate = rowMoney(id, v, r, "rate").orElseThrow(() -> badRow(id, v, r, "档次缺少费率（rate） / a band needs 'rate'"));
            Optional<Integer> to = rowInt(id, v, r, "to");
            Optional<Integer> every = rowInt(id, v, r, "step-every");
            Optional<Money> add = rowMoney(id, v, r, "step-add");
            if (every.isPresent() != add.isPresent()) {
                throw badRow(id, v, r, "递增档须同时给出 step-every 和 step-add / a stepped tail needs both step-every and step-add");
            }
            if (to.isPresent() && to.get() < from) {
                throw badRow(id, v, r, "止点小于起点 / 'to' is before 'from'");
            }
            if (!last && to.isEmpty()) {
                throw badRow(id, v, r, "只有最后一档可以不设上限 / only the last band may be open");
            }
            if (every.isPresent()) {
                if (!last || to.isPresent()) {
                    throw badRow(id, v, r, "递增档只能是最后一档且不设上限 / a stepped tail must be the last band, without 'to'");
                }
                if (every.get() < 1) {
                    throw badRow(id, v, r, "step-every 须至少为1 / step-every must be at least 1");
                }
                tail = Optional.of(new SteppedTail(from, every.get(), rate, add.get()));
            } else {
                bands.add(to.isPresent() ? FeeBand.of(from, to.get(), rate) : FeeBand.from(from, rate));
                next = to.isPresent() ? to.get() + 1 : FeeBand.OPEN;
            }
            bases.add(basis);
        }
        if (rows.isEmpty() || (tail.isEmpty() && next != FeeBand.OPEN)) {
            throw bad(id, v, "最后一档须不设上限或为递增档 / the last band must be open or a stepped tail");
        }
        try {
            return new FeeFormula.ProgressiveBands(bands, tail, bases);
        } catch (InvalidValueException e) {
            throw bad(id, v, e.getMessage());
        }
    }

    private static DataFormatException badRow(String id, DatedValue v, TableRow r, String reason) {
        return new DataFormatException(v.file(), r.line() > 0 ? r.line() : v.line(), id, r.toString(), reason);
    }

    private static Optional<Integer> rowInt(String id, DatedValue v, TableRow r, String key) {
        Optional<String> s = r.get(key);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (!s.get().matches("\\d{1,9}")) {
            throw badRow(id, v, r, key + " 须为正整数 / " + key + " must be a whole number (值/value: " + s.get() + ")");
        }
        return Optional.of(Integer.parseInt(s.get()));
    }

    private static Optional<Money> rowMoney(String id, DatedValue v, TableRow r, String key) {
        Optional<String> s = r.get(key);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Money m = Money.of(s.get());
            if (m.isNegative()) {
                throw badRow(id, v, r, key + " 不能为负 / " + key + " must not be negative");
            }
            return Optional.of(m);
        } catch (InvalidValueException e) {
            throw badRow(id, v, r, key + " 须为元，最多两位小数 / " + key + " must be yuan with at most 2 decimals (值/value: "
                    + s.get() + ")");
        }
    }

    private Set<String> standardIds(String id, DatedValue v) {
        if (!(v.value() instanceof List<?> l)) {
            throw bad(id, v, "须为收费标准编号的列表 / must be a list of standard ids");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object o : l) {
            String s = String.valueOf(o).trim();
            if (catalog.standard(s).isEmpty()) {
                throw bad(id, v, "未知收费标准 " + s + " / unknown fee standard " + s);
            }
            out.add(s);
        }
        return out;
    }

    private static Set<ExemptionEvidence> evidence(String id, DatedValue v) {
        if (!(v.value() instanceof List<?> l)) {
            throw bad(id, v, "须为减免凭证的列表 / must be a list of evidence kinds");
        }
        Set<ExemptionEvidence> out = EnumSet.noneOf(ExemptionEvidence.class);
        for (Object o : l) {
            String s = String.valueOf(o).trim();
            try {
                out.add(ExemptionEvidence.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw bad(id, v, "未知减免凭证 " + s + "，可选 " + List.of(ExemptionEvidence.values()) + " / unknown evidence " + s);
            }
        }
        return out;
    }

    /** The parameter values one standard or exemption used, for its legal basis, layer and findings. */
    private static final class Used {
        final Map<String, String> values = new LinkedHashMap<>();
        final Set<String> references = new LinkedHashSet<>();
        final Set<String> layers = new LinkedHashSet<>();

        Optional<DatedValue> valueOn(ParameterSet params, String id, LocalDate date) {
            Optional<Parameter> p = params.get(id);
            Optional<DatedValue> v = p.flatMap(x -> x.valueOn(date));
            v.ifPresent(x -> {
                values.put(id, x.display());
                references.add(x.reference());
                layers.add(p.get().layer());
            });
            return v;
        }

        String references() {
            return String.join("；", references);
        }

        /** The most specific layer among the values (a locality's over the national one). */
        String layer() {
            return layers.stream().filter(l -> !"000000".equals(l)).reduce((a, b) -> b).orElse("000000");
        }
    }
}
