package org.approvalrules.core.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A horizontal bar chart as inline SVG: one row per subject, with a label, stacked bars, an optional target
 * mark, and the row's numbers written beside it. Every number shown is a {@code tspan.num} whose
 * {@code data-field} names the summary.json field it comes from (a JSON Pointer such as {@code /deadlines/0/red}), so a reader (and
 * the browser test) can trace it. Immutable.
 */
final class BarChart {
    static final int WIDTH = 980;
    private static final int LABEL_END = 250;
    private static final int BAR_X = 256;
    private static final int BAR_W = 360;
    private static final int NUMS_X = 626;
    private static final int TOP = 28;
    private static final int ROW_H = 24;
    private static final int LABEL_CHARS = 22;

    /** One segment of a row's bar: a CSS class, its length as a share of the bar area (0..1), a tooltip. */
    record Bar(String cssClass, double share, String title) {
    }

    /**
     * One number written beside the bar: the words before it, the number as shown, the summary field it
     * comes from (null for words only) and its kind ({@code count}, {@code pct}, {@code dec}, {@code money},
     * {@code text}).
     */
    record Num(String before, String shown, String field, String kind) {
        static Num words(String words) {
            return new Num(words, "", null, "text");
        }
    }

    /** A row: its label, its bars, a target mark (0..1 of the bar area) and its numbers. */
    record Row(String label, List<Bar> bars, OptionalDouble target, List<Num> nums) {
    }

    /** A legend entry: a CSS class and its words. */
    record Legend(String cssClass, String words) {
    }

    private BarChart() {
    }

    /** Writes the chart {@code id} with the given legend and rows; with no rows, {@code empty} is written in it. */
    static void write(HtmlOut out, String id, String title, List<Legend> legend, List<Row> rows, String empty) {
        int height = TOP + Math.max(1, rows.size()) * ROW_H + 8;
        out.raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"").attr("id", id)
                .raw(" viewBox=\"0 0 " + WIDTH + " " + height + "\" width=\"" + WIDTH + "\" height=\"" + height + "\">")
                .raw("<title>").text(title).raw("</title>");
        int x = 4;
        for (Legend l : legend) {
            out.raw("<rect class=\"swatch " + l.cssClass() + "\" x=\"" + x + "\" y=\"6\" width=\"12\" height=\"12\"/>")
                    .raw("<text class=\"legend\" x=\"" + (x + 16) + "\" y=\"16\">").text(l.words()).raw("</text>");
            x += 24 + 13 * l.words().length();
        }
        if (rows.isEmpty()) {
            out.raw("<text class=\"empty\" x=\"" + BAR_X + "\" y=\"" + (TOP + 16) + "\">").text(empty).raw("</text>");
        }
        int y = TOP;
        for (Row r : rows) {
            out.raw("<g class=\"row\">");
            out.raw("<text class=\"label\" text-anchor=\"end\" x=\"" + LABEL_END + "\" y=\"" + (y + 16) + "\">")
                    .raw("<title>").text(r.label()).raw("</title>").text(HtmlOut.cut(r.label(), LABEL_CHARS))
                    .raw("</text>");
            out.raw("<rect class=\"track\" x=\"" + BAR_X + "\" y=\"" + (y + 4) + "\" width=\"" + BAR_W
                    + "\" height=\"16\"/>");
            double bx = BAR_X;
            for (Bar b : r.bars()) {
                if (b.share() <= 0) {
                    continue;
                }
                double w = Math.max(1.0, b.share() * BAR_W);
                out.raw("<rect class=\"bar " + b.cssClass() + "\" x=\"" + fmt(bx) + "\" y=\"" + (y + 4)
                        + "\" width=\"" + fmt(w) + "\" height=\"16\"><title>").text(b.title()).raw("</title></rect>");
                bx += w;
            }
            if (r.target().isPresent()) {
                double tx = BAR_X + Math.min(1.0, r.target().getAsDouble()) * BAR_W;
                out.raw("<line class=\"target\" x1=\"" + fmt(tx) + "\" x2=\"" + fmt(tx) + "\" y1=\"" + (y + 1)
                        + "\" y2=\"" + (y + 23) + "\"/>");
            }
            out.raw("<text class=\"nums\" x=\"" + NUMS_X + "\" y=\"" + (y + 16) + "\">");
            for (Num n : r.nums()) {
                out.raw("<tspan>").text(n.before()).raw("</tspan>");
                if (n.field() != null) {
                    out.raw("<tspan class=\"num\"").attr("data-field", n.field()).attr("data-kind", n.kind())
                            .raw(">").text(n.shown()).raw("</tspan>");
                }
            }
            out.raw("</text></g>");
            y += ROW_H;
        }
        out.raw("</svg>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
