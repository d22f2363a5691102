package org.approvalrules.api.fee;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * A published fee standard (收费标准) as it stands on one date: its id, name, legal basis and components.
 * A standard with no component that charges anything is free (e.g. 公共场所卫生许可, 行政许可法第五十八条).
 * Immutable and thread-safe.
 *
 * @param id stable id, e.g. {@code "real-estate.residential"}; {@link org.approvalrules.api.cases.FeeCharge#standardId()}
 *     refers to it
 * @param name Chinese first, e.g. {@code 不动产登记费（住宅类） / real-estate registration fee (residential)}
 * @param legalBasis 收费依据: the documents that set the amounts, e.g. {@code 发改价格规〔2016〕2559号}
 * @param components at least one; ids unique; at most one component a quantity kind
 * @param exclusiveGroup standards of one group are alternatives for the same request and are never
 *     charged together (信息处理费 by request or by page, 国办函〔2020〕109号); empty when none
 * @param layer division code of the layer whose parameters set the amounts ({@code "000000"} national)
 * @param parameters the parameter values the amounts came from, by parameter id (empty when built in code)
 */
public record FeeStandard(String id, BilingualText name, String legalBasis, List<FeeComponent> components,
        Optional<String> exclusiveGroup, String layer, Map<String, String> parameters) {

    public FeeStandard {
        FeeIds.require(id, "standard.id");
        InvalidValueException.requireNonNull(name, "standard.name");
        ItemCodes.requireText(legalBasis, "standard.legalBasis");
        InvalidValueException.requireNonNull(components, "standard.components");
        InvalidValueException.requireNonNull(exclusiveGroup, "standard.exclusiveGroup");
        ItemCodes.requireText(layer, "standard.layer");
        InvalidValueException.requireNonNull(parameters, "standard.parameters");
        components = List.copyOf(components);
        parameters = Map.copyOf(parameters);
        exclusiveGroup.ifPresent(g -> FeeIds.require(g, "standard.exclusiveGroup"));
        if (components.isEmpty()) {
            throw new InvalidValueException("standard.components", id, "收费标准至少需要一个组成部分 / a standard needs a component");
        }
        Set<String> ids = new HashSet<>();
        Set<QuantityKind> kinds = new HashSet<>();
        for (FeeComponent c : components) {
            if (!ids.add(c.id())) {
                throw new InvalidValueException("standard.components", c.id(), "组成部分编号重复 / duplicate component id");
            }
            if (!kinds.add(c.quantity())) {
                throw new InvalidValueException("standard.components", c.quantity(),
                        "同一计量单位只能有一个组成部分 / one component per quantity kind");
            }
        }
    }

    /** A national standard built in code, without parameters. */
    public static FeeStandard of(String id, BilingualText name, String legalBasis, FeeComponent... components) {
        return new FeeStandard(id, name, legalBasis, List.of(components), Optional.empty(), "000000", Map.of());
    }

    /** Whether nothing is charged for any quantity. */
    public boolean isFree() {
        return components.stream().allMatch(c -> c.formula().isFree());
    }

    /** The quantity kinds the standard counts, in component order. */
    public Set<QuantityKind> quantities() {
        Set<QuantityKind> s = new LinkedHashSet<>();
        components.forEach(c -> s.add(c.quantity()));
        return s;
    }

    /**
     * The quantity a single number given for this standard means (the CLI's {@code --quantity}): the
     * first component's kind other than {@link QuantityKind#PIECES}, else pieces. For 不动产登记费 it is
     * the certificates; for 信息处理费 the requests or the pages.
     */
    public QuantityKind primaryQuantity() {
        return components.stream().map(FeeComponent::quantity).filter(k -> k != QuantityKind.PIECES).findFirst()
                .orElse(QuantityKind.PIECES);
    }
}
