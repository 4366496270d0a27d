package io.intuition.algo.plugin;

/**
 * A part of the algorithm that a factory makes: a strategy or a sizer, set up by its typed config.
 *
 * <p>Driven by a single thread (the RPC server's loop), one call at a time and in order, so
 * implementations hold no locks and are not thread-safe.
 *
 * @param <C> the config record
 */
public interface Component<C extends Record> {

  /**
   * Takes the run's config: called before the first quote, and again by every {@code initialize}
   * that resumes a book, when the component keeps whatever of its own state still applies.
   *
   * @param config the component's settings, already validated
   */
  void initialize(C config);

  /**
   * The component's own state, to be saved with the book: plain values only (maps with text keys,
   * lists, text, numbers, booleans), or null for none.
   */
  default Object state() {
    return null;
  }

  /**
   * Takes back a {@link #state()} saved earlier, after {@link #initialize(Record)}.
   *
   * @throws IllegalArgumentException if {@code state} is not one this component saved; the message
   *     says what is wrong
   */
  default void restore(Object state) {}
}
