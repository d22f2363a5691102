package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One service item of the locality's item catalogue (事项目录) as the authorization checks see it: its
 * department and the day it moved into the centre (进驻日期), or none when it is not in the centre. The
 * denominator of a delegation rate is the department's catalogue items in the centre on the assessed day,
 * never the rows of a delegation table. Immutable.
 *
 * @param itemCode 实施编码
 * @param department 部门编码 of the department responsible
 * @param departmentName 部门名称, empty when the catalogue does not give it
 * @param inCentreFrom 进驻日期, empty when the item is not in the centre
 */
public record CatalogueItem(String itemCode, String department, Optional<String> departmentName,
        Optional<LocalDate> inCentreFrom) {

    public CatalogueItem {
        ItemCodes.requireCode(itemCode, "item.itemCode");
        ItemCodes.requireText(department, "item.department");
        InvalidValueException.requireNonNull(departmentName, "item.departmentName");
        InvalidValueException.requireNonNull(inCentreFrom, "item.inCentreFrom");
    }

    /** Whether the item is in the centre on {@code date} (moved in on or before it). */
    public boolean inCentreOn(LocalDate date) {
        return inCentreFrom.map(d -> !d.isAfter(date)).orElse(false);
    }
}
