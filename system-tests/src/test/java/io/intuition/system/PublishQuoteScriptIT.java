package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code scripts/publish-quote.sh} against a real Mosquitto. */
class PublishQuoteScriptIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path temp;

  @Test
  void publish_sendsTheQuoteAsJsonOnQuotes() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        ManagedProcess subscriber = subscribeOnce(broker.port())) {
      // the subscription may lag the process start: publish until one arrives
      await("the quote on quotes")
          .atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                try (ManagedProcess publish = script("GOOG", "345.1", "--mqtt", broker.mqttUrl())) {
                  awaitExit(publish);
                  assertThat(publish.exitValue()).as("%s", publish).isZero();
                }
                return !subscriber.isAlive();
              });

      assertThat(subscriber.stdout().strip())
          .isEqualTo("quotes {\"sid\":\"GOOG\",\"quote\":345.1}");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "GOOG, abc, PRICE must be a number, but was 'abc'",
    "'GO\"OG', 1, SID must be letters, digits and . _ - ^",
    "GOOG, '', PRICE must be a number",
  })
  void publish_badArgument_printsTheRuleAndUsageAndExitsTwo(
      String sid, String price, String message) {
    try (ManagedProcess publish = script(sid, price)) {
      awaitExit(publish);

      assertThat(publish.exitValue()).isEqualTo(2);
      assertThat(publish.stderr()).contains(message).contains("Usage: publish-quote.sh SID PRICE");
    }
  }

  @Test
  void publish_missingPrice_printsUsageAndExitsTwo() {
    try (ManagedProcess publish = script("GOOG")) {
      awaitExit(publish);

      assertThat(publish.exitValue()).isEqualTo(2);
      assertThat(publish.stderr()).contains("expected SID and PRICE");
    }
  }

  private ManagedProcess subscribeOnce(int port) {
    return ManagedProcess.start(
        "mosquitto_sub",
        temp,
        List.of(
            "mosquitto_sub",
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(port),
            "-t",
            "quotes",
            "-v",
            "-C",
            "1"));
  }

  private ManagedProcess script(String... args) {
    List<String> command =
        new ArrayList<>(List.of(Repository.path("scripts/publish-quote.sh").toString()));
    command.addAll(List.of(args));
    return ManagedProcess.start("publish-quote.sh", temp, command);
  }

  private static void awaitExit(ManagedProcess process) {
    await(process + " to exit").atMost(TIMEOUT).until(() -> !process.isAlive());
  }
}
