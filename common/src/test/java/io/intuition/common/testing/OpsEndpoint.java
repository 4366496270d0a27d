package io.intuition.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /metrics} and {@code /health} endpoint of a service started with {@code --http-port
 * 0}, found at the port its log names in {@code http listening on HOST:PORT}.
 */
public final class OpsEndpoint {
  private static final Pattern LISTENING = Pattern.compile("http listening on ([^\\s:]+):(\\d+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;

  private OpsEndpoint(String base) {
    this.base = base;
  }

  /** The endpoint of {@code process}, once it logged where it listens. */
  public static OpsEndpoint of(ManagedProcess process, Duration timeout) {
    process.awaitLog("http listening on ", timeout);
    Matcher matcher = LISTENING.matcher(process.stderr());
    if (!matcher.find()) {
      throw new AssertionError("no parseable 'http listening on' line; " + process);
    }
    return new OpsEndpoint("http://" + matcher.group(1) + ":" + matcher.group(2));
  }

  /** The endpoint at {@code base}, such as {@code http://127.0.0.1:9101}: an announced one. */
  public static OpsEndpoint at(String base) {
    return new OpsEndpoint(base);
  }

  /** The status code and body of {@code GET path}. */
  public HttpResponse<String> get(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The status code of {@code GET /health}. */
  public int healthStatus() {
    return get("/health").statusCode();
  }

  /**
   * The value of the sample {@code series} in {@code /metrics}: a Prometheus name with its labels
   * as rendered, such as {@code bridge_quotes_rejected_total{reason="empty"}}; NaN when absent.
   */
  public double metric(String series) {
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return Double.NaN;
  }
}
