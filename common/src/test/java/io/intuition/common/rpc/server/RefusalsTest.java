package io.intuition.common.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RefusalsTest {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RpcServer.class);
  private long now;
  private final Refusals refusals = new Refusals("clients/", () -> now);

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  @Test
  void aClientRefusedAgainAndAgain_isLoggedOnceThenWithItsCountTenMinutesOn() {
    for (int i = 0; i < 40; i++) {
      refusals.noCurve("10.0.0.7");
    }
    now += Duration.ofMinutes(10).toNanos();
    refusals.noCurve("10.0.0.7");

    assertThat(messages()).hasSize(2);
    assertThat(messages().get(0)).endsWith("its next refusals are logged in 10 minutes");
    assertThat(messages().get(1)).endsWith("refused 39 more times since it was last logged");
  }

  @Test
  void eachAddressAndKindOfRefusal_isLoggedOnItsOwn() {
    refusals.noCurve("10.0.0.7");
    refusals.noCurve("10.0.0.8");
    refusals.handshakeFailed("10.0.0.7", "ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC");
    refusals.keyNotAllowed("10.0.0.7", "someKey");
    refusals.keyNotAllowed("10.0.0.7", "otherKey");

    assertThat(messages()).hasSize(5);
  }

  private List<String> messages() {
    return lines.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(line -> line.startsWith("refused an RPC client"))
        .toList();
  }
}
