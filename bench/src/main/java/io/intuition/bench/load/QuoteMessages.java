package io.intuition.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * The quotes the bench sends, {@code {"sid":"GOOG","quote":345.1,"ts":<micros>}}, and the one field
 * it reads back from whatever arrives: {@code ts}, which the suite echoes in each order.
 */
public final class QuoteMessages {
  private static final byte[] TS_KEY = "\"ts\":".getBytes(StandardCharsets.US_ASCII);
  private static final String[] SIDS = {"GOOG", "AAPL", "MSFT", "AMZN"};

  private QuoteMessages() {}

  /** The {@code n}-th quote of a run, stamped {@code tsMicros}. */
  public static byte[] quote(long n, long tsMicros) {
    String sid = SIDS[(int) (n % SIDS.length)];
    double price = 100 + (n % 997) / 10.0;
    return ("{\"sid\":\"" + sid + "\",\"quote\":" + price + ",\"ts\":" + tsMicros + "}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The {@code ts} of a JSON payload, or -1 when it has none. */
  public static long ts(byte[] payload) {
    int at = indexOf(payload, TS_KEY);
    if (at < 0) {
      return -1;
    }
    int i = at + TS_KEY.length;
    while (i < payload.length && payload[i] == ' ') {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < payload.length && payload[i] >= '0' && payload[i] <= '9'; i++, digits++) {
      value = value * 10 + (payload[i] - '0');
    }
    return digits == 0 ? -1 : value;
  }

  private static int indexOf(byte[] payload, byte[] key) {
    outer:
    for (int i = 0; i <= payload.length - key.length; i++) {
      for (int j = 0; j < key.length; j++) {
        if (payload[i + j] != key[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
