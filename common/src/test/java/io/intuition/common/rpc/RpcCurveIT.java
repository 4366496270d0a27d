package io.intuition.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.common.rpc.curve.CurveKeyPair;
import io.intuition.common.rpc.curve.KeyFiles;
import io.intuition.common.rpc.curve.ServerCredentials;
import io.intuition.common.rpc.server.RpcServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A server with CURVE on a loopback port: who gets an answer, and how refusals are logged. */
class RpcCurveIT {
  private static final Duration NO_ANSWER = Duration.ofSeconds(1);
  private static final Duration ANSWER = Duration.ofSeconds(10);

  private final CurveKeyPair serverPair = CurveKeyPair.generate();
  private final CurveKeyPair clientPair = CurveKeyPair.generate();
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger serverLog = (Logger) LoggerFactory.getLogger(RpcServer.class);
  @TempDir Path folder;
  private Path clients;
  private RpcServer server;

  @BeforeEach
  void start() throws IOException {
    lines.start();
    serverLog.addAppender(lines);
    clients = Files.createDirectory(folder.resolve("clients"));
    KeyFiles.write(clients, "bridge", clientPair, false);
    Files.delete(clients.resolve("bridge.key_secret"));
    Path serverSecret = KeyFiles.write(folder, "algo", serverPair, false).secretFile();
    server =
        RpcServer.builder(new TestService().build(), "tcp://127.0.0.1:*")
            .curve(ServerCredentials.load(serverSecret, clients))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
    serverLog.detachAppender(lines);
  }

  @Test
  void clientWithAnAllowedKeyAndTheServersKey_isAnswered() {
    try (RpcClient client = keyed(clientPair, serverPair.publicKey(), ANSWER)) {
      assertThat(client.invoke("add", 2, 3)).isEqualTo(5.0);
    }
    assertThat(refusals()).isEmpty();
  }

  @Test
  void clientWithoutKeys_getsNoAnswerAndOthersAreStillServed() {
    try (RpcClient plain = RpcClient.connect(server.address(), NO_ANSWER)) {
      assertThatThrownBy(() -> plain.invoke("add", 2, 3)).isInstanceOf(RpcTimeoutException.class);

      try (RpcClient client = keyed(clientPair, serverPair.publicKey(), ANSWER)) {
        assertThat(client.invoke("add", 2, 3)).isEqualTo(5.0);
      }
    }
    awaitRefusal(
        line ->
            line.startsWith(
                "refused an RPC client at 127.0.0.1: it did not start a CURVE handshake (a client"
                    + " without keys, or not ZeroMQ"));
  }

  @Test
  void clientWhoseKeyIsNotAllowed_getsNoAnswerAndItsKeyIsLogged() {
    CurveKeyPair stranger = CurveKeyPair.generate();
    try (RpcClient client = keyed(stranger, serverPair.publicKey(), NO_ANSWER)) {
      assertThatThrownBy(() -> client.invoke("add", 2, 3)).isInstanceOf(RpcTimeoutException.class);
    }
    awaitRefusal(
        line ->
            line.startsWith(
                "refused an RPC client at 127.0.0.1: its public key "
                    + stranger.publicKey()
                    + " is not among the client keys in "
                    + clients));
  }

  @Test
  void clientWithAnotherServersKey_getsNoAnswerAndItsFailedHandshakeIsLogged() {
    String otherServer = CurveKeyPair.generate().publicKey();
    try (RpcClient client = keyed(clientPair, otherServer, NO_ANSWER)) {
      assertThatThrownBy(() -> client.invoke("add", 2, 3)).isInstanceOf(RpcTimeoutException.class);
    }
    await()
        .atMost(ANSWER)
        .until(
            () ->
                refusals().stream()
                    .anyMatch(
                        line ->
                            line.startsWith(
                                "refused an RPC client at 127.0.0.1: its CURVE handshake"
                                    + " failed (ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC)")));
  }

  @Test
  void clientRetryingWithoutKeysInALoop_isLoggedOnce() throws IOException {
    for (int i = 0; i < 40; i++) {
      greetWithoutKeysUntilDropped();
    }

    awaitRefusal(line -> line.contains("did not start a CURVE handshake"));
    await("no second line for the same client")
        .during(Duration.ofSeconds(1))
        .atMost(ANSWER)
        .until(() -> refusals().size() == 1);
    assertThat(refusals().get(0))
        .startsWith("refused an RPC client at 127.0.0.1: it did not start a CURVE handshake")
        .endsWith("its next refusals are logged in 10 minutes");
  }

  /**
   * One attempt of a client without keys, as any ZeroMQ peer makes it: a ZMTP 3 greeting offering
   * the NULL mechanism; the server drops the connection once it reads it.
   */
  private void greetWithoutKeysUntilDropped() throws IOException {
    byte[] greeting = new byte[64];
    greeting[0] = (byte) 0xff;
    greeting[9] = 0x7f;
    greeting[10] = 3;
    System.arraycopy("NULL".getBytes(StandardCharsets.US_ASCII), 0, greeting, 12, 4);
    URI address = URI.create(server.address());
    try (Socket socket = new Socket(address.getHost(), address.getPort())) {
      socket.setSoTimeout((int) ANSWER.toMillis());
      socket.getOutputStream().write(greeting);
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // the server's greeting, then the end of the stream
      }
    }
  }

  @Test
  void serverWithoutCurve_answersAClientWithoutKeysAndRefusesNone() {
    try (RpcServer plainServer = RpcServer.start(new TestService().build(), "tcp://127.0.0.1:*");
        RpcClient plain = RpcClient.connect(plainServer.address(), ANSWER)) {
      assertThat(plain.invoke("add", 2, 3)).isEqualTo(5.0);
    }
    assertThat(refusals()).isEmpty();
  }

  private RpcClient keyed(CurveKeyPair pair, String serverKey, Duration timeout) {
    return RpcClient.builder(server.address())
        .timeout(timeout)
        .curve(new ClientCredentials(pair, serverKey))
        .build();
  }

  private void awaitRefusal(Predicate<String> line) {
    await("a refusal logged").atMost(ANSWER).until(() -> refusals().stream().anyMatch(line));
  }

  private List<String> refusals() {
    return List.copyOf(lines.list).stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(line -> line.contains("refused an RPC client"))
        .toList();
  }
}
