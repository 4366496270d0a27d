package io.intuition.common.rpc;

import io.intuition.common.codec.Payload;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitraries of whole messages for a DEALER to send: a payload behind the empty delimiter, as
 * zerorpc clients send it, behind no delimiter or two, or behind random routing frames.
 */
final class Envelopes {
  private static final byte[] DELIMITER = new byte[0];

  private Envelopes() {}

  /**
   * One message to send.
   *
   * @param frames its frames; the server decodes the last and routes its reply by the others
   */
  record Message(List<Payload> frames) {
    List<byte[]> bytes() {
      return frames.stream().map(Payload::bytes).toList();
    }
  }

  /** Messages carrying {@code payloads} behind every kind of envelope. */
  static Arbitrary<Message> around(Arbitrary<byte[]> payloads) {
    Arbitrary<List<byte[]>> randomRoutes =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<byte[]>> routes =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(List.of(DELIMITER))),
            Tuple.of(1, Arbitraries.just(List.of())),
            Tuple.of(1, Arbitraries.just(List.of(DELIMITER, DELIMITER))),
            Tuple.of(2, randomRoutes));
    return Combinators.combine(routes, payloads).as(Envelopes::message);
  }

  private static Message message(List<byte[]> routes, byte[] payload) {
    List<Payload> frames = new ArrayList<>();
    routes.forEach(route -> frames.add(new Payload(route)));
    frames.add(new Payload(payload));
    return new Message(frames);
  }
}
