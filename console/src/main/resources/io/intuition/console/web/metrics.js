// The throughput table, from the services' /metrics: a small list, redrawn whole.
import { $, byTestId, cell } from "./dom.js";
import { millis, orDash, rate } from "./format.js";

const body = $("tbody", byTestId("metrics"));

export function renderMetrics(metrics) {
  body.replaceChildren(...metrics.map(metricRow));
  $("#metrics-empty").hidden = metrics.length > 0;
}

function metricRow(metric) {
  const row = document.createElement("tr");
  row.dataset.name = metric.name;
  row.dataset.kind = metric.kind ?? "";
  row.dataset.up = String(metric.up);
  // an endpoint given by address alone is named by it: show its host and port
  const name = cell(row, metric.name.replace(/^https?:\/\//, "").replace(/\/metrics$/, ""));
  row.title = metric.up ? metric.url : `${metric.url}: ${metric.error ?? "down"}`;
  if (!metric.up) name.classList.add("down");
  cell(row, metric.kind ?? "–");
  cell(row, orDash(metric.quotesPerSecond, rate), "num").dataset.testid = "quotes-per-second";
  cell(row, orDash(metric.ordersPerSecond, rate), "num");
  const latency = metric.latencyMs ?? {};
  const text = latency.mean == null ? "–"
    : `${millis.format(latency.mean)}` + (latency.max == null ? "" : ` / ${millis.format(latency.max)}`) + " ms";
  cell(row, text, "num").dataset.testid = "latency";
  return row;
}
