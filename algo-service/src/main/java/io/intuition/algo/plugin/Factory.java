package io.intuition.algo.plugin;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import java.util.random.RandomGenerator;

/**
 * Makes one kind of component, found by {@link java.util.ServiceLoader} and chosen by its name.
 *
 * @param <C> the component's config record
 * @param <T> the component
 */
public interface Factory<C extends Record, T extends Component<C>> {

  /** The name the command line chooses it by, such as {@code sma-cross}. */
  String name();

  /** The type of its config. */
  Class<C> configType();

  /**
   * Reads the component's config from the {@code initialize} params, each key with its default.
   *
   * @throws InvalidParamsException if a key of its own has a bad value; the message names it
   */
  C config(Params params);

  /**
   * A new component, before {@link Component#initialize(Record)}.
   *
   * @param draws the run's one source of random draws, shared by every component so that a seed
   *     replays a run
   */
  T create(RandomGenerator draws);
}
