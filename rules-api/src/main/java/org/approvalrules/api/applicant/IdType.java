package org.approvalrules.api.applicant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;

/**
 * The identifier type (证件类型) that government exchange formats record beside the number (GB/T 39046
 * 申请者证件类型), with the three-digit codes those formats use.
 *
 * <p><b>Source.</b> The codes are those of the public-security 常用证件代码 table (GA/T 517, used by the
 * 国家政务服务平台 exchange formats for natural persons: 111 居民身份证, 414 普通护照, 516 港澳居民来往内地通行证 …)
 * plus the organisation codes of the 政务服务 exchange (001 统一社会信用代码, 099 其他法人或其他组织证件,
 * 999 其他自然人证件). Neither GB/T 39046's code table nor GA/T 517 could be obtained for this project: the
 * table below is taken from <em>secondary</em> sources (published code lists of systems that exchange with the
 * national platform, which agree with one another on every code listed here); docs/INTAKE.md names them.
 * Only the codes that decide how a number is read are listed; any other code of the table is given as
 * {@link #OTHER_PERSON_ID} (999) or {@link #OTHER_ORGANISATION_ID} (099) by the embedder.
 */
public enum IdType implements Labelled {
    /** 001 统一社会信用代码 (GB 32100). */
    CREDIT_CODE("001", "统一社会信用代码", "unified social credit code", ApplicantId.Type.CREDIT_CODE),
    /** 099 其他法人或其他组织有效证件. */
    OTHER_ORGANISATION_ID("099", "其他法人或其他组织证件", "other organisation identifier", ApplicantId.Type.OTHER),
    /** 111 居民身份证 (18 digits, or the legacy 15). */
    RESIDENT_ID_CARD("111", "居民身份证", "resident identity card", ApplicantId.Type.RESIDENT_ID),
    /** 112 临时居民身份证 (the same number as the identity card). */
    TEMPORARY_RESIDENT_ID_CARD("112", "临时居民身份证", "temporary resident identity card", ApplicantId.Type.RESIDENT_ID),
    /** 411 外交护照. */
    DIPLOMATIC_PASSPORT("411", "外交护照", "diplomatic passport", ApplicantId.Type.PASSPORT),
    /** 412 公务护照. */
    SERVICE_PASSPORT("412", "公务护照", "service passport", ApplicantId.Type.PASSPORT),
    /** 413 因公普通护照. */
    PUBLIC_AFFAIRS_PASSPORT("413", "因公普通护照", "ordinary passport for public affairs", ApplicantId.Type.PASSPORT),
    /** 414 普通护照 (also foreign passports in most exchange formats). */
    ORDINARY_PASSPORT("414", "普通护照", "ordinary passport", ApplicantId.Type.PASSPORT),
    /** 420 香港特别行政区护照. */
    HKSAR_PASSPORT("420", "香港特别行政区护照", "HKSAR passport", ApplicantId.Type.PASSPORT),
    /** 421 澳门特别行政区护照. */
    MACAO_SAR_PASSPORT("421", "澳门特别行政区护照", "Macao SAR passport", ApplicantId.Type.PASSPORT),
    /** 511 台湾居民来往大陆通行证 (台胞证: 8 digits since 2015). */
    TAIWAN_RESIDENT_PERMIT("511", "台湾居民来往大陆通行证", "mainland travel permit for Taiwan residents",
            ApplicantId.Type.HK_MACAO_TAIWAN_PERMIT),
    /** 513 往来港澳通行证. */
    HK_MACAO_TRAVEL_PERMIT("513", "往来港澳通行证", "exit-entry permit to Hong Kong and Macao",
            ApplicantId.Type.HK_MACAO_TAIWAN_PERMIT),
    /** 516 港澳居民来往内地通行证 (港澳同胞回乡证: H or M and 8 or 10 digits). */
    HK_MACAO_RESIDENT_PERMIT("516", "港澳居民来往内地通行证", "mainland travel permit for Hong Kong and Macao residents",
            ApplicantId.Type.HK_MACAO_TAIWAN_PERMIT),
    /** 517 大陆居民往来台湾通行证. */
    TAIWAN_TRAVEL_PERMIT("517", "大陆居民往来台湾通行证", "exit-entry permit to Taiwan",
            ApplicantId.Type.HK_MACAO_TAIWAN_PERMIT),
    /** 990 其他证件. */
    OTHER_ID("990", "其他证件", "other identifier", ApplicantId.Type.OTHER),
    /** 999 其他自然人有效证件. */
    OTHER_PERSON_ID("999", "其他自然人证件", "other personal identifier", ApplicantId.Type.OTHER);

    private static final Map<String, IdType> BY_TEXT = new HashMap<>();

    static {
        for (IdType t : values()) {
            BY_TEXT.put(t.code, t);
            BY_TEXT.put(t.label.zh(), t);
            BY_TEXT.put(t.name(), t);
        }
        BY_TEXT.put("港澳同胞回乡证", HK_MACAO_RESIDENT_PERMIT);
        BY_TEXT.put("回乡证", HK_MACAO_RESIDENT_PERMIT);
        BY_TEXT.put("台胞证", TAIWAN_RESIDENT_PERMIT);
        BY_TEXT.put("身份证", RESIDENT_ID_CARD);
        BY_TEXT.put("护照", ORDINARY_PASSPORT);
    }

    private final String code;
    private final BilingualText label;
    private final ApplicantId.Type kind;

    IdType(String code, String chineseName, String englishName, ApplicantId.Type kind) {
        this.code = code;
        this.label = BilingualText.of(chineseName, englishName);
        this.kind = kind;
    }

    /** The three-digit code, e.g. {@code "111"}. */
    public String code() {
        return code;
    }

    /** The kind of identifier a number of this type is read as (a 15-digit 居民身份证 is {@code LEGACY_ID_CARD}). */
    public ApplicantId.Type kind() {
        return kind;
    }

    @Override
    public BilingualText label() {
        return label;
    }

    /**
     * The type written as its code ({@code 111}), its Chinese name ({@code 居民身份证}, also the common short
     * names 身份证, 护照, 回乡证, 台胞证) or the constant's name (any case); surrounding spaces are ignored.
     *
     * @throws InvalidValueException when the text is none of these
     */
    public static IdType parse(CharSequence text) {
        InvalidValueException.requireNonNull(text, "idType");
        String s = text.toString().strip();
        IdType t = BY_TEXT.get(s);
        if (t == null) {
            t = BY_TEXT.get(s.toUpperCase(Locale.ROOT));
        }
        if (t == null) {
            throw new InvalidValueException("idType", s, "未知证件类型（如 111 居民身份证、001 统一社会信用代码、414 普通护照、"
                    + "516 港澳居民来往内地通行证） / unknown identifier type (e.g. 111, 001, 414, 516)");
        }
        return t;
    }
}
