package org.approvalrules.core.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;

/** Parameter sets for the authorization tests: the national values, with local overrides added by hand. */
final class TestParameters {
    static final LocalDate BASE = LocalDate.of(2004, 7, 1);

    private final Map<String, Parameter> params = new HashMap<>();

    /** The national targets (100 %, approval and certification 80 %) and checked powers (APPROVAL, CERTIFICATION). */
    static TestParameters national() {
        TestParameters t = new TestParameters();
        for (Power p : Power.values()) {
            boolean eighty = p == Power.APPROVAL || p == Power.CERTIFICATION;
            t.with(AuthorizationChecker.targetParameter(p), ParameterType.DECIMAL, "000000",
                    BASE.toString(), eighty ? new BigDecimal("0.8") : new BigDecimal("1.0"));
        }
        t.with(AuthorizationChecker.SIGNED_POWERS, ParameterType.LIST, "000000", BASE.toString(), List.of("APPROVAL", "CERTIFICATION"));
        return t;
    }

    /** Replaces a parameter with values {@code date, value, date, value, …}; value i is on line i+1 of "p.yaml". */
    TestParameters with(String id, ParameterType type, String layer, Object... dateValue) {
        List<DatedValue> values = new ArrayList<>();
        for (int i = 0; i < dateValue.length; i += 2) {
            values.add(new DatedValue(LocalDate.parse((String) dateValue[i]), dateValue[i + 1], "文件" + i, "p.yaml", i / 2 + 1));
        }
        params.put(id, new Parameter(id, type, BilingualText.of("中", "en"), values, layer));
        return this;
    }

    ParameterSet set() {
        return new ParameterSet(params);
    }
}
