package org.approvalrules.api.calendar;

/**
 * What a calendar does for a date outside the years whose notices it holds. The caller chooses;
 * the library never guesses silently.
 */
public enum CoveragePolicy {
    /** Throw {@link CalendarCoverageException}, naming the year and how to add it. */
    STRICT,
    /**
     * Assume Monday–Friday working, Saturday–Sunday off. Every result computed this way is marked
     * provisional so that it can be recomputed when the notice arrives.
     */
    PROVISIONAL
}
