package io.intuition.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void lineBreaks_cannotStartAForgedLogLine() {
    String forged = "{\"sid\":\"GOOG\"}\n12:00:00.000 INFO  [forwarder] all good";

    String excerpt = Excerpt.of(forged, 200);

    assertThat(excerpt).doesNotContain("\n").contains("\\n12:00:00.000 INFO");
  }

  @Test
  void ansiEscapes_andOtherControls_areWrittenAsEscapes() {
    assertThat(Excerpt.escape("\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
    assertThat(Excerpt.escape("a\rb\tc\u0000d\u007fe\u0085f"))
        .isEqualTo("a\\rb\\tc\\u0000d\\u007fe\\u0085f");
  }

  @Test
  void bidirectionalOverrides_andUnicodeLineSeparators_areEscaped() {
    assertThat(Excerpt.escape("x\u202ey\u2028z\u2066")).isEqualTo("x\\u202ey\\u2028z\\u2066");
  }

  @Test
  void printableText_isKeptAsItIs() {
    String text = "GOOG 345.1 \"quoted\" é 株 😀";

    assertThat(Excerpt.escape(text)).isSameAs(text);
  }

  @Test
  void longText_isCutAndMarked() {
    assertThat(Excerpt.of("abcdefghij", 4)).isEqualTo("abcd...");
    assertThat(Excerpt.of("abcd", 4)).isEqualTo("abcd");
  }

  @Test
  void cutting_neverSplitsASurrogatePair() {
    assertThat(Excerpt.of("abc😀def", 4)).isEqualTo("abc...");
  }

  @Test
  void bytes_areReadAsUtf8_andCutWithoutDecodingTheRest() {
    byte[] large = ("\u001b[2J" + "x".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);

    assertThat(Excerpt.of(large, 8)).isEqualTo("\\u001b[2Jxxxx...");
    assertThat(Excerpt.of(new byte[] {'o', 'k', (byte) 0xff}, 8)).isEqualTo("ok\ufffd");
  }
}
