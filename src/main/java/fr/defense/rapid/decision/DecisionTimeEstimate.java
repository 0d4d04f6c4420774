package fr.defense.rapid.decision;

/**
 * How long a decision usually takes, as the SME is told.
 *
 * @param weeks the weeks from submission to the committee's decision
 * @param fromHistory true when it is the median of the dossiers decided in the window, false when
 *     too few were decided and the procedure's target is given instead
 * @param sampleSize how many dossiers were decided in the window
 * @param sentence « En général, une décision est rendue en 9 semaines… »
 */
public record DecisionTimeEstimate(long weeks, boolean fromHistory, int sampleSize, String sentence) {}
