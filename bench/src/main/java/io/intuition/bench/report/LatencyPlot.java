package io.intuition.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * An SVG plot of latency percentiles against offered rate, both on log scales: the suite in solid
 * lines, the broker alone dashed.
 */
public final class LatencyPlot {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 440;
  private static final int LEFT = 80;
  private static final int RIGHT = 170;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final List<Series> SERIES =
      List.of(
          new Series("p50", "#1b9e77", Percentiles::p50),
          new Series("p99", "#d95f02", Percentiles::p99),
          new Series("p99.9", "#7570b3", Percentiles::p999),
          new Series("max", "#e7298a", Percentiles::max));

  private record Series(String label, String color, ToDoubleFunction<Percentiles> value) {}

  private LatencyPlot() {}

  /** The plot of {@code runs} as an SVG document. */
  public static String svg(List<LatencyRun> runs, String title) {
    double minRate = runs.stream().mapToDouble(LatencyRun::rate).min().orElse(1);
    double maxRate = runs.stream().mapToDouble(LatencyRun::rate).max().orElse(10);
    Axis x = new Axis(Math.floor(Math.log10(minRate)), Math.ceil(Math.log10(maxRate) + 1e-9));
    double minLatency = 1e9;
    double maxLatency = 1;
    for (LatencyRun run : runs) {
      for (Series series : SERIES) {
        double value = Math.max(1, series.value().applyAsDouble(run.micros()));
        minLatency = Math.min(minLatency, value);
        maxLatency = Math.max(maxLatency, value);
      }
    }
    Axis y = new Axis(Math.floor(Math.log10(minLatency)), Math.ceil(Math.log10(maxLatency) + 1e-9));
    StringBuilder svg = new StringBuilder();
    svg.append(
        fmt(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH, HEIGHT));
    svg.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    svg.append(fmt("<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
    grid(svg, x, y);
    for (Series series : SERIES) {
      line(svg, runs, "suite", series, x, y, "");
      line(svg, runs, "broker", series, x, y, " stroke-dasharray=\"6 4\"");
    }
    legend(svg);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private record Axis(double fromExp, double toExp) {
    double fraction(double value) {
      double span = Math.max(toExp - fromExp, 1);
      return (Math.log10(Math.max(value, 1e-9)) - fromExp) / span;
    }
  }

  private static double px(Axis x, double rate) {
    return LEFT + x.fraction(rate) * (WIDTH - LEFT - RIGHT);
  }

  private static double py(Axis y, double micros) {
    return HEIGHT - BOTTOM - y.fraction(Math.max(1, micros)) * (HEIGHT - TOP - BOTTOM);
  }

  private static void grid(StringBuilder svg, Axis x, Axis y) {
    double bottom = HEIGHT - BOTTOM;
    for (double e = x.fromExp(); e <= x.toExp(); e++) {
      double at = px(x, Math.pow(10, e));
      svg.append(
          fmt(
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              at, TOP, at, bottom));
      svg.append(
          fmt(
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%,.0f</text>%n",
              at, bottom + 18, Math.pow(10, e)));
    }
    for (double e = y.fromExp(); e <= y.toExp(); e++) {
      double at = py(y, Math.pow(10, e));
      svg.append(
          fmt(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              LEFT, at, WIDTH - RIGHT, at));
      svg.append(
          fmt(
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              LEFT - 6, at + 4, micros(Math.pow(10, e))));
    }
    svg.append(
        fmt(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered rate,"
                + " quotes/s (log)</text>%n",
            (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 20));
    svg.append(
        fmt(
            "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\""
                + " text-anchor=\"middle\">latency (log)</text>%n",
            HEIGHT / 2, HEIGHT / 2));
  }

  private static void line(
      StringBuilder svg,
      List<LatencyRun> runs,
      String path,
      Series series,
      Axis x,
      Axis y,
      String dash) {
    StringBuilder points = new StringBuilder();
    for (LatencyRun run : runs) {
      if (run.path().equals(path)) {
        double px = px(x, run.rate());
        double py = py(y, series.value().applyAsDouble(run.micros()));
        points.append(fmt("%.1f,%.1f ", px, py));
        svg.append(
            fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, series.color()));
      }
    }
    svg.append(
        fmt(
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
            points.toString().trim(), series.color(), dash));
  }

  private static void legend(StringBuilder svg) {
    int x = WIDTH - RIGHT + 20;
    int y = TOP + 10;
    for (Series series : SERIES) {
      svg.append(
          fmt(
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                  + " stroke-width=\"2\"/>%n",
              x, y, x + 24, y, series.color()));
      svg.append(fmt("<text x=\"%d\" y=\"%d\">%s</text>%n", x + 30, y + 4, series.label()));
      y += 20;
    }
    y += 10;
    svg.append(
        fmt(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\""
                + " stroke-width=\"2\"/>%n",
            x, y, x + 24, y));
    svg.append(fmt("<text x=\"%d\" y=\"%d\">suite</text>%n", x + 30, y + 4));
    y += 20;
    svg.append(
        fmt(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\""
                + " stroke-width=\"2\" stroke-dasharray=\"6 4\"/>%n",
            x, y, x + 24, y));
    svg.append(fmt("<text x=\"%d\" y=\"%d\">broker alone</text>%n", x + 30, y + 4));
  }

  private static String micros(double value) {
    if (value >= 1_000_000) {
      return fmt("%.0f s", value / 1_000_000);
    }
    return value >= 1_000 ? fmt("%.0f ms", value / 1_000) : fmt("%.0f us", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String fmt(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
