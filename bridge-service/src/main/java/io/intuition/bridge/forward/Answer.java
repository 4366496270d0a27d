package io.intuition.bridge.forward;

import java.util.List;

/** What became of one call to the algorithm, as the forwarder acts on it. */
public sealed interface Answer {

  /**
   * The algorithm answered {@code event}: the orders to publish, each as JSON, maybe none.
   *
   * @param orders the JSON of each order, in the algorithm's order
   */
  record Orders(List<byte[]> orders) implements Answer {
    /** Copies the list. */
    public Orders {
      orders = List.copyOf(orders);
    }
  }

  /**
   * The algorithm answered {@code initialize}: the channels it wants.
   *
   * @param channels non-empty channel names
   */
  record Channels(List<String> channels) implements Answer {
    /** Copies the list. */
    public Channels {
      channels = List.copyOf(channels);
    }
  }

  /**
   * The algorithm refused the call, such as an invalid quote: sending it again cannot help.
   *
   * @param reason the algorithm's error name and message
   */
  record Refused(String reason) implements Answer {}

  /**
   * The message cannot become a call at all, such as text that is not JSON; it was never sent.
   *
   * @param reason what is wrong with it
   */
  record Malformed(String reason) implements Answer {}

  /**
   * The algorithm moved to another address before it answered: the call was not handled where it
   * went, and goes again to where the algorithm is now.
   *
   * @param to where the algorithm is now, for the log
   */
  record Moved(String to) implements Answer {}

  /** The algorithm lost its state (it restarted) and must be initialized again. */
  record NotInitialized() implements Answer {}

  /**
   * No answer came: the algorithm is down or slow; the call may be tried again.
   *
   * @param reason what happened, for the log
   */
  record Unavailable(String reason) implements Answer {}
}
