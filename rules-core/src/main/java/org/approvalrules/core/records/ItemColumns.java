package org.approvalrules.core.records;

import java.util.List;
import org.approvalrules.core.csv.CsvColumn;

/**
 * The columns of the item catalogue ({@code items.csv}, docs/DATA-FORMAT.md) that more than one domain reads, declared
 * once: the supervision job's catalogue reader, the authorization reader ({@code AuthorizationDataReader}) and the
 * service-guide reader ({@code GuideReader}) all name them with these constants, so a header the one accepts the
 * others accept too. Each column is shown by its English name, with its Chinese and GB/T 39046 names as aliases.
 */
public final class ItemColumns {
    /** 实施编码: the item code. */
    public static final CsvColumn ITEM_CODE = CsvColumn.required("item_code", "实施编码", "sxbm");
    /** 事项名称. */
    public static final CsvColumn ITEM_NAME = CsvColumn.required("item_name", "事项名称", "sxmc");
    /** 部门编码: the department that owns the item. */
    public static final CsvColumn DEPARTMENT = CsvColumn.required("department", "部门编码", "部门", "sldw");
    /** 部门名称 (optional). */
    public static final CsvColumn DEPARTMENT_NAME = CsvColumn.optional("department_name", "部门名称");
    /** 进驻日期: the day the item moved into the centre; empty: not in the centre. */
    public static final CsvColumn IN_CENTRE_FROM = CsvColumn.optional("in_centre_from", "进驻日期");
    /** 仅限中心受理 (是/否; default 是). */
    public static final CsvColumn CENTRE_ONLY = CsvColumn.optional("centre_only", "仅限中心受理");
    /** 收费标准: the fee standard ids, {@code ;}-separated; empty: free. */
    public static final CsvColumn FEE_STANDARDS = CsvColumn.optional("fee_standards", "收费标准");

    /** 设定依据 (八公开). */
    public static final CsvColumn LEGAL_BASIS = CsvColumn.optional("legal_basis", "设定依据");
    /** 受理条件 (八公开). */
    public static final CsvColumn CONDITIONS = CsvColumn.optional("conditions", "受理条件");
    /** 申请材料目录 (八公开). */
    public static final CsvColumn MATERIAL_LIST = CsvColumn.optional("material_list", "申请材料目录");
    /** 办理流程 (八公开). */
    public static final CsvColumn PROCEDURE = CsvColumn.optional("procedure", "办理流程");
    /** 办理时限说明 (八公开). */
    public static final CsvColumn TIME_LIMIT_TEXT = CsvColumn.optional("time_limit_text", "办理时限说明");
    /** 收费依据 (八公开). */
    public static final CsvColumn FEE_BASIS = CsvColumn.optional("fee_basis", "收费依据");
    /** 收费标准说明 (八公开). */
    public static final CsvColumn FEE_STANDARD_TEXT = CsvColumn.optional("fee_standard_text", "收费标准说明");
    /** The seven published guide columns besides the item's name, in the order of the guide. */
    public static final List<CsvColumn> GUIDE = List.of(LEGAL_BASIS, CONDITIONS, MATERIAL_LIST, PROCEDURE, TIME_LIMIT_TEXT,
            FEE_BASIS, FEE_STANDARD_TEXT);

    private ItemColumns() {
    }
}
