package io.intuition.console.books;

import java.util.List;
import java.util.Map;

/**
 * One poll of one algo's book, as the {@code book} event carries it.
 *
 * @param algo the algo's name: its announced name, or its address for one given on the command line
 * @param rpc its address
 * @param at when the poll ended, epoch milliseconds
 * @param error why no book came, or null
 * @param book what {@code portfolio()} answered, as JSON values, or null
 * @param point {@code [at, equity]}, or null without a book
 */
public record BookEvent(
    String algo, String rpc, long at, String error, Map<String, Object> book, List<Number> point) {}
