package io.intuition.algo.sizer;

import io.intuition.algo.plugin.Factory;
import io.intuition.algo.plugin.Registry;

/**
 * Makes a sizer: {@code algo-service --sizer NAME} chooses it. Implementations are listed in {@code
 * META-INF/services/io.intuition.algo.sizer.SizerFactory}.
 *
 * @param <C> the sizer's config record
 */
public interface SizerFactory<C extends Record> extends Factory<C, Sizer<C>> {

  /** Every sizer on the class path. */
  static Registry<SizerFactory<?>> registry() {
    @SuppressWarnings("unchecked")
    Class<SizerFactory<?>> type = (Class<SizerFactory<?>>) (Class<?>) SizerFactory.class;
    return Registry.load(type, "sizer");
  }
}
