package io.intuition.common.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTableTest {
  @Test
  void print_aliveFirstThenOfflineInAlignedColumns_withTheEndpoint() {
    Announcement algo =
        new Announcement(
            "a1",
            "algo",
            Announcement.ONLINE,
            "0.1.0",
            "tcp://host-1:4242",
            "sma-cross",
            "fixed-fraction",
            List.of(),
            "2026-12-01T10:00:00Z",
            17);
    Announcement feed =
        new Announcement(
            "feed",
            "feed",
            Announcement.ONLINE,
            "0.1.0",
            null,
            null,
            null,
            List.of("quotes"),
            "2026-12-01T10:00:01Z",
            18,
            "http://feed-1:9103");
    StringWriter out = new StringWriter();

    ServiceTable.print(
        List.of(Announcement.offline("a0", "algo", 9), feed, algo), new PrintWriter(out));

    assertThat(out.toString().lines())
        .containsExactly(
            "KIND  NAME  STATE    RPC/CHANNELS       HTTP                VERSION  STARTED     "
                + "          SEQ",
            "algo  a1    online   tcp://host-1:4242  -                   0.1.0    2026-12-01T10:00:00Z"
                + "  17",
            "feed  feed  online   quotes             http://feed-1:9103  0.1.0    2026-12-01T10:00:01Z"
                + "  18",
            "algo  a0    offline  -                  -                   -        -               "
                + "      9");
  }

  @Test
  void print_nothing_isTheHeaderAlone() {
    StringWriter out = new StringWriter();

    ServiceTable.print(List.of(), new PrintWriter(out));

    assertThat(out.toString().lines())
        .containsExactly("KIND  NAME  STATE  RPC/CHANNELS  HTTP  VERSION  STARTED  SEQ");
  }
}
