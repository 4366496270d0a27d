package io.intuition.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run to {@code <dir>/<name>.json} and its latency plot to {@code <dir>/<name>.svg}. */
public final class ResultFiles {
  private ResultFiles() {}

  /** Writes both files; returns the JSON file. */
  public static Path write(Report report, Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve(name + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
    String title = "Quote latency against offered rate, " + report.timestamp();
    Files.writeString(dir.resolve(name + ".svg"), LatencyPlot.svg(report.latency(), title));
    return json;
  }
}
