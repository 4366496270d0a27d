// The orders: their total and the table of the latest, at most `limit` rows (the server's
// limits.orders), rows leaving the bottom reused at the top; paused, new orders are held.
import { $, byTestId } from "./dom.js";
import { amount, clock, count, money, price } from "./format.js";

const table = byTestId("orders");
const body = $("tbody", table);
const totalView = byTestId("orders-total");
const shown = $("#orders-shown");
const pause = $("#pause-orders");

let limit = 500;
let paused = false;
let held = null; // orders arrived while paused, newest first, at most `limit`

/** The most rows the table holds. */
export function ordersLimit() {
  return limit;
}

/** Empties the table, holding at most `requested` rows from now on (the current limit if none). */
export function resetOrders(requested) {
  limit = Math.max(1, requested ?? limit);
  table.dataset.limit = limit;
  body.replaceChildren();
  held = null;
}

export function renderTotal(total) {
  totalView.dataset.value = total;
  totalView.textContent = count.format(total);
}

/** Puts orders (newest first) on top, keeping at most `limit` rows. */
export function addOrders(orders) {
  if (paused) {
    held = orders.concat(held ?? []).slice(0, limit);
    return;
  }
  const fresh = orders.slice(0, limit);
  const rows = body.rows;
  const fragment = document.createDocumentFragment();
  for (const order of fresh) {
    // once full, the oldest row leaves the bottom and comes back on top with the new order
    const reuse = rows.length + fragment.childNodes.length >= limit && rows.length > 0;
    const row = reuse ? rows[rows.length - 1] : newOrderRow();
    fillOrderRow(row, order);
    fragment.appendChild(row);
  }
  body.insertBefore(fragment, body.firstChild);
  while (rows.length > limit) rows[rows.length - 1].remove();
  shown.textContent = `(latest ${count.format(rows.length)} of at most ${count.format(limit)})`;
}

function newOrderRow() {
  const row = document.createElement("tr");
  for (const cls of ["num", "", "side", "", "num", "num", "num", "num"]) {
    const cell = row.insertCell();
    if (cls) cell.className = cls;
  }
  return row;
}

function fillOrderRow(row, order) {
  const sell = order.side === "sell";
  row.dataset.side = sell ? "sell" : "buy";
  const cells = row.cells;
  cells[0].textContent = count.format(order.n);
  cells[1].textContent = order.at == null ? "–" : clock.format(order.at);
  cells[2].textContent = sell ? "▼ sell" : "▲ buy";
  cells[3].textContent = order.sid;
  cells[4].textContent = price.format(order.quote);
  cells[5].textContent = amount.format(order.shares);
  cells[6].textContent = money.format(order.amount);
  cells[7].textContent = money.format(order.cash);
}

function togglePause() {
  paused = !paused;
  pause.setAttribute("aria-pressed", String(paused));
  pause.textContent = paused ? "Resume" : "Pause";
  if (!paused && held) {
    const orders = held;
    held = null;
    addOrders(orders);
  }
}

pause.addEventListener("click", togglePause);
