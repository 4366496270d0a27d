package io.intuition.common.rpc.server;

import io.intuition.common.log.ThrottledLog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;

/**
 * The clients a CURVE server refused, logged once per address and kind every 10 minutes, with the
 * count of the refusals in between; and, across addresses, as one kind of rate-limited warning. A
 * client that retries in a loop, or a healthcheck that only opens a TCP connection, costs a line
 * every 10 minutes, not a line per attempt. Thread-safe: the ZAP handler's thread and the server's
 * loop both report here.
 */
final class Refusals {
  private static final long AGAIN_NANOS = TimeUnit.MINUTES.toNanos(10);
  private static final int ADDRESSES = 1_024;

  private final ThrottledLog warnings = ThrottledLog.of(LoggerFactory.getLogger(RpcServer.class));
  private final String clientsSource;
  private final LongSupplier clock;
  private final Map<String, Seen> seen =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
          return size() > ADDRESSES;
        }
      };

  Refusals(String clientsSource) {
    this(clientsSource, System::nanoTime);
  }

  Refusals(String clientsSource, LongSupplier clock) {
    this.clientsSource = clientsSource;
    this.clock = clock;
  }

  void keyNotAllowed(String address, String publicKey) {
    warn(
        "key " + publicKey + " from " + address,
        "refused an RPC client at {}: its public key {} is not among the client keys in {}{}",
        address,
        publicKey,
        clientsSource);
  }

  void noCurve(String address) {
    warn(
        "plain from " + address,
        "refused an RPC client at {}: it did not start a CURVE handshake (a client without"
            + " keys, or not ZeroMQ, such as a TCP healthcheck){}",
        address);
  }

  void handshakeFailed(String address, Object reason) {
    warn(
        "handshake from " + address,
        "refused an RPC client at {}: its CURVE handshake failed ({}): does it have this"
            + " server's public key?{}",
        address,
        reason);
  }

  /** Logs the refusal of {@code kind}, with the count since it was last logged, if it is time. */
  private void warn(String kind, String format, Object... args) {
    long repeats = repeats(kind);
    if (repeats >= 0) {
      Object[] all = Arrays.copyOf(args, args.length + 1);
      all[args.length] = since(repeats);
      warnings.warn(format, all);
    }
  }

  /** Refusals of this kind since it was last logged, if it may be logged now; else -1. */
  private synchronized long repeats(String kind) {
    long now = clock.getAsLong();
    Seen last = seen.get(kind);
    if (last != null && now - last.loggedAt < AGAIN_NANOS) {
      last.repeats++;
      return -1;
    }
    seen.put(kind, new Seen(now));
    return last == null ? 0 : last.repeats;
  }

  private static String since(long repeats) {
    return repeats == 0
        ? "; its next refusals are logged in 10 minutes"
        : "; refused " + repeats + " more times since it was last logged";
  }

  /** When a kind of refusal was last logged, and how often it came since. */
  private static final class Seen {
    final long loggedAt;
    long repeats;

    Seen(long loggedAt) {
      this.loggedAt = loggedAt;
    }
  }
}
