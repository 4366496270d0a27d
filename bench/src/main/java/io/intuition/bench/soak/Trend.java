package io.intuition.bench.soak;

/**
 * One metric of one process over the samples a soak judges (those after its warm-up).
 *
 * @param samples how many samples
 * @param first the first of them
 * @param min the least
 * @param max the greatest
 * @param last the last
 * @param change how much a least-squares line through them rises from the first sample's time to
 *     the last's (negative when it falls)
 * @param limit how far it may rise or fall and still be flat
 * @param verdict flat, growing, falling, or too few samples to tell
 */
public record Trend(
    int samples,
    double first,
    double min,
    double max,
    double last,
    double change,
    double limit,
    Verdict verdict) {}
