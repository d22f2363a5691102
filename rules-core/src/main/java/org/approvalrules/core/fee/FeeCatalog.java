package org.approvalrules.core.fee;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.TableRow;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.FeeIds;
import org.approvalrules.api.fee.QuantityKind;

/**
 * The shape of each fee standard and exemption: ids, names, what each component counts and how it is
 * priced. Standards are defined in the pack's parameters ({@link #of(ParameterSet)}); the exemptions' shapes
 * (code, name, the applicants they are for) are here. The numbers (rates, free units, bands, which standards
 * an exemption waives, the evidence it accepts) and their legal references are dated pack parameters read by
 * {@link FeeParameters}, under the ids {@link #parameterIds} lists. Immutable and thread-safe.
 */
public final class FeeCatalog {

    /** How a component is priced, and so which parameters it reads. */
    public enum Shape {
        /** {@code fee.<standard>.<component>.per-unit} (decimal). */
        FIXED,
        /** {@code fee.<standard>.<component>.free-units} (int) and {@code .each} (decimal). */
        FIRST_FREE,
        /** {@code fee.<standard>.<component>.bands} (list of {@code from-to:rate}, optionally ending in a stepped tail). */
        BANDS
    }

    /** One component's shape. */
    public record ComponentDefinition(String id, BilingualText name, QuantityKind quantity, Shape shape) {
        public ComponentDefinition {
            FeeIds.require(id, "component.id");
            InvalidValueException.requireNonNull(name, "component.name");
            InvalidValueException.requireNonNull(quantity, "component.quantity");
            InvalidValueException.requireNonNull(shape, "component.shape");
        }
    }

    /** One standard's shape. */
    public record StandardDefinition(String id, BilingualText name, List<ComponentDefinition> components,
            Optional<String> exclusiveGroup) {
        public StandardDefinition {
            FeeIds.require(id, "standard.id");
            InvalidValueException.requireNonNull(name, "standard.name");
            components = List.copyOf(components);
            InvalidValueException.requireNonNull(exclusiveGroup, "standard.exclusiveGroup");
        }
    }

    /** One exemption's shape: its code, name and the applicants it is for. */
    public record ExemptionDefinition(String code, BilingualText name, Set<ApplicantCategory> categories) {
        public ExemptionDefinition {
            FeeIds.require(code, "exemption.code");
            InvalidValueException.requireNonNull(name, "exemption.name");
            categories = Set.copyOf(categories);
        }
    }

    private static final FeeCatalog NATIONAL = buildNational();

    private final Map<String, StandardDefinition> standards;
    private final Map<String, ExemptionDefinition> exemptions;

    private FeeCatalog(Map<String, StandardDefinition> standards, Map<String, ExemptionDefinition> exemptions) {
        this.standards = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(standards));
        this.exemptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exemptions));
    }

    /**
     * The national standards and exemptions of DOMAIN §7: 不动产登记费 (residential, non-residential,
     * parking and storage; each with the certificate fee), 居民身份证 (first issue, renewal on expiry, renewal
     * after a change of name, renewal of a damaged card, replacement of a lost card, temporary card), 信息处理费 (by request or by page, one exclusive group) and 公共场所卫生许可 (free); the
     * small and micro enterprise, individual business and minimum-income exemptions.
     */
    public static FeeCatalog national() {
        return NATIONAL;
    }

    /** This catalogue with one more standard (or a replaced one, by id), e.g. a locality's own fee. */
    public FeeCatalog with(StandardDefinition standard) {
        InvalidValueException.requireNonNull(standard, "standard");
        Map<String, StandardDefinition> s = new LinkedHashMap<>(standards);
        s.put(standard.id(), standard);
        return new FeeCatalog(s, exemptions);
    }

    /** This catalogue with one more exemption (or a replaced one, by code). */
    public FeeCatalog with(ExemptionDefinition exemption) {
        InvalidValueException.requireNonNull(exemption, "exemption");
        Map<String, ExemptionDefinition> e = new LinkedHashMap<>(exemptions);
        e.put(exemption.code(), exemption);
        return new FeeCatalog(standards, e);
    }

    /** The standards, in catalogue order. */
    public List<StandardDefinition> standards() {
        return List.copyOf(standards.values());
    }

    /** The standard with this id. */
    public Optional<StandardDefinition> standard(String id) {
        return Optional.ofNullable(standards.get(id));
    }

    /** The exemptions, in catalogue order. */
    public List<ExemptionDefinition> exemptions() {
        return List.copyOf(exemptions.values());
    }

    /** The parameter ids a component reads, in order. */
    public static List<String> parameterIds(StandardDefinition s, ComponentDefinition c) {
        String base = "fee." + s.id() + "." + c.id() + ".";
        return switch (c.shape()) {
            case FIXED -> List.of(base + "per-unit");
            case FIRST_FREE -> List.of(base + "free-units", base + "each");
            case BANDS -> List.of(base + "bands");
        };
    }

    /**
     * The optional parameter that ends (or restarts) a standard: {@code fee.<standard>.in-force}, bool. From a
     * date whose value is {@code false} the standard is no longer in force (abolished or stopped, 停征), and a
     * charge under it has no legal basis; without the parameter the standard is in force whenever its amounts are.
     */
    public static String inForceParameterId(StandardDefinition s) {
        return "fee." + s.id() + ".in-force";
    }

    /** The parameter ids an exemption reads: which standards it waives, then the evidence it accepts. */
    public static List<String> parameterIds(ExemptionDefinition e) {
        String base = "fee.exemption." + e.code() + ".";
        return List.of(base + "applies-to", base + "evidence");
    }

    /** Every parameter id of the catalogue. */
    public List<String> allParameterIds() {
        List<String> ids = new ArrayList<>();
        for (StandardDefinition s : standards.values()) {
            ids.add("fee." + s.id() + DEFINITION);
            ids.add("fee." + s.id() + ".name");
            s.components().forEach(c -> ids.addAll(parameterIds(s, c)));
            ids.add(inForceParameterId(s));
        }
        exemptions.values().forEach(e -> ids.addAll(parameterIds(e)));
        return ids;
    }

    private static FeeCatalog buildNational() {
        Map<String, ExemptionDefinition> e = new LinkedHashMap<>();
        e.put("small-micro", new ExemptionDefinition("small-micro", BilingualText.of("小微企业免征不动产登记费",
                "small and micro enterprises exempt from the registration fee"),
                EnumSet.of(ApplicantCategory.SMALL_MICRO_ENTERPRISE)));
        e.put("individual-business", new ExemptionDefinition("individual-business", BilingualText.of(
                "个体工商户免征不动产登记费", "individual businesses exempt from the registration fee"),
                EnumSet.of(ApplicantCategory.INDIVIDUAL_BUSINESS)));
        e.put("minimum-income", new ExemptionDefinition("minimum-income", BilingualText.of("最低生活保障对象免收居民身份证工本费",
                "minimum-income households exempt from the identity card fee"),
                EnumSet.of(ApplicantCategory.MINIMUM_INCOME_HOUSEHOLD)));
        return new FeeCatalog(Map.of(), e);
    }

    // ---- standards defined in the pack's parameters ----

    /** The suffix of the parameter that defines a standard's components: {@code fee.<standard>.definition}. */
    public static final String DEFINITION = ".definition";
    /** The keys a definition row may have. */
    static final List<String> DEFINITION_KEYS = List.of("component", "name", "counts", "shape");

    /**
     * The catalogue of a locality: the national exemptions and every standard its parameters define. A standard is
     * defined by three parameters: {@code fee.<id>.definition} (type table: one row per component, {@code {component,
     * name: "中文 / English", counts: PIECES|CERTIFICATES|REQUESTS|PAGES, shape: FIXED|FIRST_FREE|BANDS}}),
     * {@code fee.<id>.name} (string {@code "中文 / English"}) and, for alternatives of one request, {@code fee.<id>.group}
     * (string). The latest value of each gives the shape (the numbers stay dated). A locality adds or reshapes a
     * standard by writing these in its pack, with the numbers {@link #parameterIds} lists.
     *
     * @throws DataFormatException naming the file, line and value of a definition that cannot be used
     */
    public static FeeCatalog of(ParameterSet params) {
        InvalidValueException.requireNonNull(params, "params");
        FeeCatalog c = national();
        for (String pid : params.all().keySet().stream().sorted().toList()) {
            if (pid.startsWith("fee.") && pid.endsWith(DEFINITION) && !pid.startsWith("fee.exemption.")) {
                String id = pid.substring(4, pid.length() - DEFINITION.length());
                c = c.with(definition(params, id, pid));
            }
        }
        return c;
    }

    private static StandardDefinition definition(ParameterSet params, String id, String pid) {
        DatedValue def = latest(params, pid);
        if (!(def.value() instanceof List<?> rows) || rows.isEmpty() || !rows.stream().allMatch(TableRow.class::isInstance)) {
            throw new DataFormatException(def.file(), def.line(), pid, def.display(),
                    "收费标准定义须为组成部分的行（type: table）/ a standard's definition must be rows of components (type: table)");
        }
        String nameId = "fee." + id + ".name";
        if (params.get(nameId).isEmpty()) {
            throw new DataFormatException(def.file(), def.line(), nameId, "", "收费标准" + id + "缺少名称参数 " + nameId
                    + " / standard " + id + " needs its name " + nameId);
        }
        BilingualText name = bilingual(latest(params, nameId), nameId);
        Optional<String> group = params.get("fee." + id + ".group").map(p -> String.valueOf(latest(params, "fee." + id
                + ".group").value()).strip()).filter(g -> !g.isEmpty());
        List<ComponentDefinition> components = new ArrayList<>();
        for (Object o : rows) {
            TableRow r = (TableRow) o;
            for (String k : r.cells().keySet()) {
                if (!DEFINITION_KEYS.contains(k)) {
                    throw bad(def, r, pid, "未知键 " + k + "（可用 " + DEFINITION_KEYS + "） / unknown key " + k);
                }
            }
            String component = r.get("component").orElseThrow(() -> bad(def, r, pid, "缺少 component / needs 'component'"));
            String counts = r.get("counts").orElseThrow(() -> bad(def, r, pid, "缺少 counts / needs 'counts'"));
            String shape = r.get("shape").orElseThrow(() -> bad(def, r, pid, "缺少 shape / needs 'shape'"));
            QuantityKind kind;
            Shape sh;
            try {
                kind = QuantityKind.valueOf(counts);
            } catch (IllegalArgumentException e) {
                throw bad(def, r, pid, "counts 应为 " + List.of(QuantityKind.values()) + " / counts must be one of "
                        + List.of(QuantityKind.values()));
            }
            try {
                sh = Shape.valueOf(shape);
            } catch (IllegalArgumentException e) {
                throw bad(def, r, pid, "shape 应为 " + List.of(Shape.values()) + " / shape must be one of " + List.of(Shape.values()));
            }
            String n = r.get("name").orElse(component);
            int slash = n.indexOf(" / ");
            try {
                components.add(new ComponentDefinition(component, slash < 0 ? BilingualText.of(n, n)
                        : BilingualText.of(n.substring(0, slash), n.substring(slash + 3)), kind, sh));
            } catch (InvalidValueException e) {
                throw bad(def, r, pid, e.getMessage());
            }
            if (components.stream().filter(x -> x.id().equals(component) || x.quantity() == kind).count() > 1) {
                throw bad(def, r, pid, "组成部分或计量单位重复 / a component id or quantity kind repeated");
            }
        }
        try {
            return new StandardDefinition(id, name, components, group);
        } catch (InvalidValueException e) {
            throw new DataFormatException(def.file(), def.line(), pid, id, e.getMessage());
        }
    }

    private static DataFormatException bad(DatedValue def, TableRow r, String pid, String reason) {
        return new DataFormatException(def.file(), r.line() > 0 ? r.line() : def.line(), pid, r.toString(), reason);
    }

    private static DatedValue latest(ParameterSet params, String pid) {
        List<DatedValue> values = params.get(pid).orElseThrow().values();
        return values.get(values.size() - 1);
    }

    private static BilingualText bilingual(DatedValue v, String pid) {
        String s = String.valueOf(v.value()).strip();
        int slash = s.indexOf(" / ");
        if (s.isEmpty()) {
            throw new DataFormatException(v.file(), v.line(), pid, s, "名称不能为空 / a name must not be blank");
        }
        return slash < 0 ? BilingualText.of(s, s) : BilingualText.of(s.substring(0, slash), s.substring(slash + 3));
    }

}
