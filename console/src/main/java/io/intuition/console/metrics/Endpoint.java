package io.intuition.console.metrics;

/**
 * A {@code /metrics} endpoint to scrape.
 *
 * @param name the service's name, or the URL
 * @param kind the service's kind, or null
 * @param url the full URL of its metrics
 */
public record Endpoint(String name, String kind, String url) {}
