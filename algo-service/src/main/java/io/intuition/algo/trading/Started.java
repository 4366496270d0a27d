package io.intuition.algo.trading;

import java.util.List;

/**
 * What {@code initialize} did.
 *
 * @param channels the data channels to subscribe to
 * @param resumed whether it kept the book it found, rather than starting a new one
 */
public record Started(List<String> channels, boolean resumed) {
  /** Copies the channels. */
  public Started {
    channels = List.copyOf(channels);
  }
}
