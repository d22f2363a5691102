package org.approvalrules.core.fee;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.FeeIds;
import org.approvalrules.api.fee.QuantityKind;

/**
 * The shape of each fee standard and exemption: ids, names, what each component counts and how it is
 * priced. The numbers (rates, free units, bands, which standards an exemption waives, the evidence it
 * accepts) and their legal references are not here: they are dated pack parameters read by
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
            s.components().forEach(c -> ids.addAll(parameterIds(s, c)));
            ids.add(inForceParameterId(s));
        }
        exemptions.values().forEach(e -> ids.addAll(parameterIds(e)));
        return ids;
    }

    private static FeeCatalog buildNational() {
        ComponentDefinition certificate = new ComponentDefinition("certificate",
                BilingualText.of("不动产权属证书工本费", "certificate fee"), QuantityKind.CERTIFICATES, Shape.FIRST_FREE);
        Map<String, StandardDefinition> s = new LinkedHashMap<>();
        realEstate(s, "real-estate.residential", "住宅类", "residential", certificate);
        realEstate(s, "real-estate.non-residential", "非住宅类", "non-residential", certificate);
        realEstate(s, "real-estate.parking-storage", "车库、车位、储藏室", "garage, parking space, storage room", certificate);
        idCard(s, "id-card.first-issue", "首次申领", "first issue");
        idCard(s, "id-card.renewal", "到期换领", "renewal on expiry");
        idCard(s, "id-card.name-change", "姓名等登记项目变更换领", "renewal after a change of name or other entry");
        idCard(s, "id-card.damaged", "损坏换领", "renewal of a damaged card");
        idCard(s, "id-card.replacement", "丢失补领", "replacement of a lost card");
        idCard(s, "id-card.temporary", "临时居民身份证", "temporary card");
        put(s, new StandardDefinition("gov-info.per-request", BilingualText.of("政府信息公开信息处理费（按件计收）",
                "government information processing fee (by request)"), List.of(new ComponentDefinition("processing",
                BilingualText.of("信息处理费", "processing fee"), QuantityKind.REQUESTS, Shape.BANDS)),
                Optional.of("gov-info")));
        put(s, new StandardDefinition("gov-info.per-page", BilingualText.of("政府信息公开信息处理费（按量计收）",
                "government information processing fee (by page)"), List.of(new ComponentDefinition("processing",
                BilingualText.of("信息处理费", "processing fee"), QuantityKind.PAGES, Shape.BANDS)),
                Optional.of("gov-info")));
        put(s, new StandardDefinition("public-health-permit", BilingualText.of("公共场所卫生许可", "public-place hygiene permit"),
                List.of(new ComponentDefinition("permit", BilingualText.of("许可", "permit"), QuantityKind.PIECES,
                        Shape.FIXED)), Optional.empty()));
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
        return new FeeCatalog(s, e);
    }

    private static void realEstate(Map<String, StandardDefinition> s, String id, String zh, String en,
            ComponentDefinition certificate) {
        put(s, new StandardDefinition(id, BilingualText.of("不动产登记费（" + zh + "）", "real-estate registration fee (" + en + ")"),
                List.of(new ComponentDefinition("registration", BilingualText.of("登记费", "registration"), QuantityKind.PIECES,
                        Shape.FIXED), certificate), Optional.empty()));
    }

    private static void idCard(Map<String, StandardDefinition> s, String id, String zh, String en) {
        put(s, new StandardDefinition(id, BilingualText.of("居民身份证工本费（" + zh + "）", "identity card fee (" + en + ")"),
                List.of(new ComponentDefinition("card", BilingualText.of("证件工本费", "card fee"), QuantityKind.PIECES,
                        Shape.FIXED)), Optional.empty()));
    }

    private static void put(Map<String, StandardDefinition> s, StandardDefinition d) {
        s.put(d.id(), d);
    }
}
