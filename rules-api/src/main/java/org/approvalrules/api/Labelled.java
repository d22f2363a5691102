package org.approvalrules.api;

/**
 * A constant with a bilingual name (Chinese first, English alongside), as the library's enums for
 * domain terms are: powers, channels, item and handling types.
 */
public interface Labelled {

    /** The name, e.g. {@code 审批权 / approval}. */
    BilingualText label();

    /** The Chinese name, e.g. {@code "审批权"}. */
    default String chineseName() {
        return label().zh();
    }

    /** The English name, e.g. {@code "approval"}. */
    default String englishName() {
        return label().en();
    }

    /**
     * The constant of {@code type} that {@code text} names by constant name (any case) or Chinese name (surrounding
     * blanks ignored), or null when it names none.
     */
    static <E extends Enum<E> & Labelled> E byName(Class<E> type, String text) {
        String s = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s) || e.chineseName().equals(s)) {
                return e;
            }
        }
        return null;
    }
}
