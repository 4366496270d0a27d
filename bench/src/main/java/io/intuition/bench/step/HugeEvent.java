package io.intuition.bench.step;

import io.intuition.common.codec.Packed;
import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.RpcTimeoutException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.launcher.process.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@code event} request holding a million symbols, {@code {"S0": 100, "S1": 101, ...}}: larger
 * than {@code --max-message} and than {@code --max-symbols}, it should be refused. Written as
 * msgpack directly, so the bench does not build a million-entry map.
 */
final class HugeEvent implements HostileCase {
  private static final int SYMBOLS = 1_000_000;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private RpcClient client;
  private CompletableFuture<Packed> reply;
  private int bytes;

  @Override
  public String name() {
    return "event of 1,000,000 symbols";
  }

  @Override
  public String id() {
    return "symbols";
  }

  @Override
  public void send(String address) {
    byte[] args = args(SYMBOLS);
    bytes = args.length;
    client = RpcClient.connect(address, CALL_TIMEOUT);
    reply = client.callPacked(CALL_TIMEOUT, "event", new Packed(args));
  }

  @Override
  public Outcome outcome(ServiceProcess algo) throws InterruptedException {
    String size = String.format(Locale.ROOT, "%.1f MB: ", bytes / 1e6);
    try {
      reply.get(CALL_TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
      return new Outcome(false, size + "answered OK");
    } catch (ExecutionException e) {
      return new Outcome(true, size + failure(e.getCause()));
    } catch (TimeoutException e) {
      return new Outcome(true, size + "no reply at all");
    }
  }

  private static String failure(Throwable cause) {
    if (cause instanceof RemoteException remote) {
      return "ERR " + remote.errorName() + ": " + remote.remoteMessage();
    }
    if (cause instanceof RpcTimeoutException) {
      return "no reply within " + CALL_TIMEOUT.toSeconds() + " s: the connection was dropped";
    }
    return cause.toString();
  }

  /** The msgpack array {@code [{"S0": 100, ...}]} of {@code symbols} entries. */
  static byte[] args(int symbols) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(symbols * 11);
    out.write(0x91); // an array of one
    out.write(0xdf); // a map with a 32-bit count
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write(symbols >>> shift);
    }
    for (int i = 0; i < symbols; i++) {
      byte[] key = ("S" + i).getBytes(StandardCharsets.US_ASCII);
      out.write(0xa0 | key.length); // fixstr: keys are shorter than 32 bytes
      out.writeBytes(key);
      int value = 100 + i % 50;
      if (value > 0x7f) {
        out.write(0xcc); // uint 8
      }
      out.write(value);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
