package io.intuition.common.codec;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes unique message ids in the Python peer's format: 32 hex characters sent as bin, an 8-digit
 * counter followed by a random suffix fixed for the generator's life. Safe for use by many threads.
 */
public final class MessageIds {
  private static final HexFormat HEX = HexFormat.of();
  private final byte[] suffix;
  private final AtomicLong counter = new AtomicLong();

  /** A generator with a random suffix. */
  public MessageIds() {
    this(randomSuffix());
  }

  /**
   * A generator with the given suffix, for reproducible ids in tests.
   *
   * @throws IllegalArgumentException if the suffix is not 24 hex characters
   */
  public MessageIds(String suffix) {
    if (suffix.length() != 24 || !suffix.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException(
          "suffix must be 24 hex characters, but was \"" + suffix + "\"");
    }
    this.suffix = suffix.getBytes(StandardCharsets.US_ASCII);
  }

  /** The next id. */
  public MessageId next() {
    long n = counter.incrementAndGet() & 0xffffffffL;
    byte[] id = new byte[32];
    String digits = HEX.toHexDigits((int) n);
    for (int i = 0; i < 8; i++) {
      id[i] = (byte) digits.charAt(i);
    }
    System.arraycopy(suffix, 0, id, 8, 24);
    return MessageId.binary(id);
  }

  private static String randomSuffix() {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    return HEX.formatHex(random);
  }
}
