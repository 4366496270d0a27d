/**
 * Technical indicators over a price series, shared by the indicator-service and the strategies.
 *
 * <p>Numeric rules: prices are exact {@link java.math.BigDecimal}s as the quotes carry them. A
 * simple moving average keeps the exact running sum of its window and divides it by the window only
 * when asked, rounded to {@link Indicator#MATH} (16 significant digits, half-even); an exponential
 * one rounds every step to the same context, since its exact value would grow by digits at each
 * price. Averages compared after rounding never change sides: rounding is monotonic, so two
 * averages in one order stay in it or, if they agree to 16 digits, become equal.
 */
package io.intuition.common.indicator;
