package org.approvalrules.api;

/**
 * User-facing text: Chinese first (read by civil servants), English alongside.
 * Immutable and thread-safe. {@code toString()} is {@code "中文 / English"}; two texts are equal when their Chinese
 * and their English are equal, however they were made.
 *
 * <p>A text is made from its two strings ({@link #of}) or from two templates and the figures that fill them
 * ({@link #format}): then the strings are made only when first read, so that a batch whose findings are counted,
 * filtered or written later does not build two message strings per finding while the rules fire. (Until the fifth
 * session this was a record; it became a final class for the templates, with the same {@code zh()}, {@code en()},
 * {@code of}, {@code equals}, {@code hashCode} and {@code toString}.)
 */
public final class BilingualText {
    private static final String SLOT = "{}";

    /** Filled in on first read when made from templates (a benign race: both threads make equal strings). */
    private String zh;
    private String en;
    private final String zhTemplate;
    private final String enTemplate;
    private final Object[] args;

    /** A text from its Chinese and English forms. */
    public BilingualText(String zh, String en) {
        this.zh = InvalidValueException.requireNonNull(zh, "zh");
        this.en = InvalidValueException.requireNonNull(en, "en");
        this.zhTemplate = null;
        this.enTemplate = null;
        this.args = null;
    }

    private BilingualText(String zhTemplate, String enTemplate, Object[] args) {
        this.zhTemplate = zhTemplate;
        this.enTemplate = enTemplate;
        this.args = args;
    }

    /** Creates a text from its Chinese and English forms. */
    public static BilingualText of(String zh, String en) {
        return new BilingualText(zh, en);
    }

    /**
     * A text from two templates in which each {@code {}} is replaced by the next of {@code args}
     * ({@link String#valueOf(Object)}), in order; both templates take every argument once. The strings are made when
     * first read; the arguments must be immutable values (numbers, dates, strings).
     *
     * @throws InvalidValueException when a template is null, or a template's {@code {}} do not match the arguments
     */
    public static BilingualText format(String zhTemplate, String enTemplate, Object... args) {
        InvalidValueException.requireNonNull(zhTemplate, "zh");
        InvalidValueException.requireNonNull(enTemplate, "en");
        Object[] a = args == null ? new Object[] {null} : args;
        if (slots(zhTemplate) != a.length) {
            throw new InvalidValueException("zh", zhTemplate, "模板的 {} 个数与参数个数 " + a.length + " 不符 / the template's {} do not match the "
                    + a.length + " arguments");
        }
        if (slots(enTemplate) != a.length) {
            throw new InvalidValueException("en", enTemplate, "模板的 {} 个数与参数个数 " + a.length + " 不符 / the template's {} do not match the "
                    + a.length + " arguments");
        }
        return new BilingualText(zhTemplate, enTemplate, a);
    }

    private static int slots(String template) {
        int n = 0;
        for (int i = template.indexOf(SLOT); i >= 0; i = template.indexOf(SLOT, i + SLOT.length())) {
            n++;
        }
        return n;
    }

    private static String fill(String template, Object[] args) {
        StringBuilder sb = new StringBuilder(template.length() + 8 * args.length);
        int from = 0;
        for (Object a : args) {
            int at = template.indexOf(SLOT, from);
            sb.append(template, from, at).append(a);
            from = at + SLOT.length();
        }
        return sb.append(template, from, template.length()).toString();
    }

    /** The Chinese text. */
    public String zh() {
        String s = zh;
        if (s == null) {
            s = fill(zhTemplate, args);
            zh = s;
        }
        return s;
    }

    /** The English text. */
    public String en() {
        String s = en;
        if (s == null) {
            s = fill(enTemplate, args);
            en = s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BilingualText t)) {
            return false;
        }
        return zh().equals(t.zh()) && en().equals(t.en());
    }

    /** From both strings. */
    @Override
    public int hashCode() {
        return 31 * zh().hashCode() + en().hashCode();
    }

    @Override
    public String toString() {
        return zh() + " / " + en();
    }
}
