package org.approvalrules.core.pack;

/**
 * An entry of a layer's {@code overrides.yaml}: replace or disable an ancestor's rule by id, with the
 * reason and the document that allows it. Immutable.
 *
 * @param ruleId the ancestor rule's id
 * @param action REPLACE (the layer's DRL holds a rule with the same id) or DISABLE
 * @param reason why, in the author's words
 * @param reference the document that allows it (may be empty)
 * @param file the overrides file
 * @param line its line
 */
public record RuleOverride(String ruleId, Action action, String reason, String reference, String file, int line) {

    /** What a layer does to an ancestor's rule. */
    public enum Action {
        /** The layer supplies its own rule with the same id. */
        REPLACE,
        /** The rule does not apply in this locality. */
        DISABLE
    }

    /** Where it is, {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
