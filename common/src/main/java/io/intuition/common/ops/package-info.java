/**
 * What operators and orchestrators ask of a running service: its metrics, in the Prometheus text
 * format, and its health, as named checks, over a small HTTP server ({@link
 * io.intuition.common.ops.OpsServer}).
 */
package io.intuition.common.ops;
