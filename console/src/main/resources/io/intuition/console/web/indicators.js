// The indicators table: one row per topic, sorted by symbol, indicator and window, at most
// MAX_INDICATORS rows (the least recently changed leave first).
import { $, byTestId, cell } from "./dom.js";
import { clock, count, price } from "./format.js";

const MAX_INDICATORS = 1000;

const body = $("tbody", byTestId("indicators"));
const rowsByTopic = new Map(); // topic -> row, least recently changed first

export function resetIndicators() {
  body.replaceChildren();
  rowsByTopic.clear();
}

export function addIndicators(values) {
  for (const value of values) {
    let row = rowsByTopic.get(value.topic);
    if (row) {
      rowsByTopic.delete(value.topic); // re-inserted below: the map stays in change order
    } else {
      row = indicatorRow(value);
      insertSorted(row);
    }
    rowsByTopic.set(value.topic, row);
    row.cells[3].textContent = price.format(value.value);
    row.title = value.ts == null ? value.topic : `${value.topic} at ${clock.format(value.ts / 1000)}`;
  }
  while (rowsByTopic.size > MAX_INDICATORS) {
    const [topic, row] = rowsByTopic.entries().next().value;
    rowsByTopic.delete(topic);
    row.remove();
  }
  $("#indicators-empty").hidden = rowsByTopic.size > 0;
}

function indicatorRow(value) {
  const row = document.createElement("tr");
  row.dataset.key = `${value.sid}\u0000${value.indicator}\u0000${String(value.window).padStart(9, "0")}`;
  row.dataset.topic = value.topic;
  cell(row, value.sid);
  cell(row, value.indicator);
  cell(row, value.window == null ? "–" : count.format(value.window), "num");
  cell(row, "", "num");
  return row;
}

function insertSorted(row) {
  const rows = body.rows;
  let low = 0, high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid].dataset.key < row.dataset.key) low = mid + 1; else high = mid;
  }
  body.insertBefore(row, rows[low] ?? null);
}
