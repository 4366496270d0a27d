package io.intuition.console.books;

/**
 * An algo whose book is shown.
 *
 * @param name its announced name, or its address
 * @param rpc where it answers calls
 */
public record Algo(String name, String rpc) {}
