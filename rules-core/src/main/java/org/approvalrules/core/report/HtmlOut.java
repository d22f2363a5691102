package org.approvalrules.core.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.approvalrules.api.privacy.Masking;

/**
 * Writes HTML: markup as given ({@link #raw}), every value from the input files through {@link #text} or
 * {@link #attr} — masked ({@link Masking#mask}, the identifiers rule of docs/ARCHITECTURE.md) and escaped
 * (Guava's HTML escaper: {@code & < > " '}). A value longer than {@value #MAX_VALUE} characters is cut,
 * so one hostile finding cannot make a huge page. Not thread-safe.
 */
final class HtmlOut {
    /** The longest value shown in full; longer ones are cut and end in "…". */
    static final int MAX_VALUE = 2_000;
    private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();

    private final Writer out;

    HtmlOut(Writer out) {
        this.out = out;
    }

    /** Markup written as it is: only ever the report's own text, never a value from a file. */
    HtmlOut raw(String markup) {
        try {
            out.write(markup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A value as text: masked, cut to {@link #MAX_VALUE}, escaped. */
    HtmlOut text(String value) {
        return raw(escape(value));
    }

    /** {@code  name="value"}, the value masked, cut and escaped. */
    HtmlOut attr(String name, String value) {
        return raw(" " + name + "=\"").raw(escape(value)).raw("\"");
    }

    /** A value masked, cut to {@link #MAX_VALUE} and escaped, for text or an attribute. */
    static String escape(String value) {
        return ESCAPER.escape(Masking.mask(cut(value, MAX_VALUE)));
    }

    /** {@code s} cut to at most {@code max} code points, ending in "…" when cut. */
    static String cut(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
