package io.intuition.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LatencyPlotTest {

  @Test
  void svg_twoPathsAtTwoRates_drawsAFourPercentileLineOfTwoPointsForEachPath() throws Exception {
    Percentiles p = new Percentiles(100, 300, 900, 2_000, 5_000);
    List<LatencyRun> runs =
        List.of(
            new LatencyRun("suite", 1_000, 30, 100, p),
            new LatencyRun("broker", 1_000, 30, 100, p),
            new LatencyRun("suite", 10_000, 30, 100, p),
            new LatencyRun("broker", 10_000, 30, 100, p));

    Document svg = parse(LatencyPlot.svg(runs, "latency <run>"));

    var lines = svg.getElementsByTagName("polyline");
    assertThat(lines.getLength()).isEqualTo(8);
    for (int i = 0; i < lines.getLength(); i++) {
      String points = lines.item(i).getAttributes().getNamedItem("points").getNodeValue();
      assertThat(points.split(" ")).hasSize(2);
    }
    assertThat(svg.getDocumentElement().getTextContent()).contains("latency <run>", "p99.9");
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
