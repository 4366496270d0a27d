package io.intuition.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SseEventTest {
  @Test
  void frame_isTheEventLineTheDataLineAndABlankLine() {
    byte[] frame = new SseEvent("orders", "{\"total\":1}").frame();

    assertThat(new String(frame, StandardCharsets.UTF_8))
        .isEqualTo("event: orders\ndata: {\"total\":1}\n\n");
  }

  @Test
  void json_writesTheDataAsOneLine_evenWithLineBreaksInStrings() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("text", "two\nlines");
    payload.put("none", null);

    SseEvent event = SseEvent.json("x", payload);

    assertThat(event.data()).isEqualTo("{\"text\":\"two\\nlines\",\"none\":null}");
  }

  @Test
  void new_dataWithALineBreak_isRefused() {
    assertThatThrownBy(() -> new SseEvent("x", "a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepAlive_isAComment() {
    assertThat(new String(SseEvent.KEEP_ALIVE, StandardCharsets.UTF_8))
        .isEqualTo(": keep-alive\n\n");
  }
}
