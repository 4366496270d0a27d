// The algos' books, one card each: figures, positions and an SVG equity curve of at most
// CURVE_POINTS points.
import { $, byTestId, cell } from "./dom.js";
import { amount, clock, count, money, pnl, price } from "./format.js";

const CURVE_POINTS = 600;

const container = $("#books");
const template = $("#book-template");
const books = new Map(); // algo name -> { element, curve: [[ms, equity], ...] }
let offline = new Set(); // the algos announced offline, by name

export function resetBooks() {
  books.forEach(({ element }) => element.remove());
  books.clear();
}

export function applyBook(event) {
  let entry = books.get(event.algo);
  if (!entry) {
    entry = { element: newBook(event.algo), curve: [] };
    books.set(event.algo, entry);
    container.appendChild(entry.element);
    $("#books-empty").hidden = true;
  }
  const root = entry.element;
  setOffline(root, offline.has(event.algo));
  $(".book-rpc", root).textContent = event.rpc ?? "";
  const at = byTestId("book-at", root);
  at.dataset.at = event.at;
  at.dateTime = new Date(event.at).toISOString();
  at.textContent = clock.format(event.at);
  const error = $(".book-error", root);
  error.hidden = !event.error;
  error.textContent = event.error ?? "";
  if (event.book) renderFigures(root, event.book);
  if (event.curve) entry.curve = event.curve.slice(-CURVE_POINTS);
  if (event.point) {
    entry.curve.push(event.point);
    if (entry.curve.length > CURVE_POINTS) entry.curve.splice(0, entry.curve.length - CURVE_POINTS);
  }
  drawCurve(root, entry.curve);
}

// an algo whose service went offline keeps its last book on the page, marked offline: the
// console stops asking it and sends no more of its book
export function markOffline(services) {
  offline = new Set(services
    .filter((service) => service.kind === "algo" && service.state === "offline")
    .map((service) => service.name));
  books.forEach(({ element }, algo) => setOffline(element, offline.has(algo)));
}

function setOffline(root, offline) {
  root.dataset.state = offline ? "offline" : "online";
  $(".book-offline", root).hidden = !offline;
}

function newBook(algo) {
  const element = template.content.firstElementChild.cloneNode(true);
  element.dataset.algo = algo;
  $(".book-name", element).textContent = algo;
  return element;
}

function renderFigures(root, book) {
  byTestId("cash", root).textContent = money.format(book.cash);
  byTestId("equity", root).textContent = money.format(book.equity);
  signed(byTestId("realized", root), book.realized_pnl);
  signed(byTestId("unrealized", root), book.unrealized_pnl);
  const positions = Object.entries(book.positions ?? {}).sort(([a], [b]) => a.localeCompare(b));
  $("tbody", byTestId("positions", root)).replaceChildren(...positions.map(([sid, p]) => {
    const row = document.createElement("tr");
    row.dataset.sid = sid;
    cell(row, sid);
    cell(row, amount.format(p.shares), "num");
    cell(row, price.format(p.avg_cost), "num");
    cell(row, price.format(p.last), "num");
    cell(row, money.format(p.market_value), "num");
    signed(cell(row, "", "num"), p.unrealized_pnl);
    return row;
  }));
}

/** A profit or loss, signed and coloured by its sign once rounded to cents (never "-0.00"). */
function signed(element, value) {
  const cents = Math.round(value * 100);
  element.textContent = pnl.format(cents / 100);
  element.classList.toggle("gain", cents > 0);
  element.classList.toggle("loss", cents < 0);
}

/** Scales the points into the SVG's 600x120 view box, a little margin above and below. */
function drawCurve(root, curve) {
  const svg = byTestId("equity-curve", root);
  const line = $("polyline", svg);
  const caption = $(".curve-range", root);
  svg.dataset.points = curve.length;
  if (curve.length === 0) {
    line.setAttribute("points", "");
    caption.textContent = "";
    return;
  }
  const { width, height } = svg.viewBox.baseVal;
  let t0 = Infinity, t1 = -Infinity, low = Infinity, high = -Infinity;
  for (const [t, v] of curve) {
    t0 = Math.min(t0, t); t1 = Math.max(t1, t);
    low = Math.min(low, v); high = Math.max(high, v);
  }
  const span = t1 - t0 || 1;
  const range = high - low || Math.max(Math.abs(high) * 0.001, 1);
  const pad = height * 0.08;
  const points = curve.map(([t, v]) => {
    const x = curve.length === 1 ? width : ((t - t0) / span) * width;
    const y = pad + (1 - (v - low) / range) * (height - 2 * pad);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  line.setAttribute("points", points.join(" "));
  caption.textContent = `equity ${money.format(low)} – ${money.format(high)}, ` +
    `${count.format(curve.length)} points since ${clock.format(t0)}`;
}
