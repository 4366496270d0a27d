// The console page: one EventSource on /events, a snapshot first and then increments.
// Events only queue work; one animation frame applies what queued since the last, so a flood
// of events costs one DOM update per frame. Everything held is bounded: order rows by the
// server's limits.orders (rows leaving the bottom are reused at the top), curve points,
// indicator rows. The parts of the page draw themselves: orders.js, books.js, services.js,
// metrics.js, indicators.js.
import { byTestId } from "./dom.js";
import { addOrders, ordersLimit, renderTotal, resetOrders } from "./orders.js";
import { applyBook, markOffline, resetBooks } from "./books.js";
import { renderServices } from "./services.js";
import { renderMetrics } from "./metrics.js";
import { addIndicators, resetIndicators } from "./indicators.js";

const RECONNECT_MS = 3000;
const FALLBACK_FLUSH_MS = 1000;

const connection = byTestId("connection");

// Work queued by events and applied on the next frame; each part bounded by itself.
let pending = emptyPending();
let frame = 0;
let fallback = 0;

function emptyPending() {
  return { snapshot: null, services: null, metrics: null, total: null, orders: [],
    books: new Map(), indicators: new Map() };
}

function schedule() {
  if (frame) return;
  frame = requestAnimationFrame(flush);
  // a hidden tab gets no frames: apply anyway now and then, the queue stays bounded meanwhile
  fallback = setTimeout(flush, FALLBACK_FLUSH_MS);
}

function flush() {
  cancelAnimationFrame(frame);
  clearTimeout(fallback);
  frame = 0;
  const work = pending;
  pending = emptyPending();
  if (work.snapshot) applySnapshot(work.snapshot);
  if (work.services) renderServices(work.services);
  if (work.metrics) renderMetrics(work.metrics);
  if (work.total !== null) renderTotal(work.total);
  if (work.orders.length) addOrders(work.orders);
  work.books.forEach(applyBook);
  if (work.services) markOffline(work.services);
  if (work.indicators.size) addIndicators([...work.indicators.values()]);
}

// ---- the stream ----

function connect() {
  setConnection("connecting");
  const source = new EventSource("events");
  source.onopen = () => setConnection("live");
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      // the browser gave up (an answer that is not an event stream): try again ourselves
      setConnection("offline");
      source.close();
      setTimeout(connect, RECONNECT_MS);
    } else {
      setConnection("reconnecting");
    }
  };
  on(source, "snapshot", (data) => {
    pending = emptyPending();
    pending.snapshot = data;
  });
  on(source, "services", (data) => { pending.services = data.services; });
  on(source, "metrics", (data) => { pending.metrics = data.services; });
  on(source, "orders", queueOrders);
  on(source, "book", (data) => { pending.books.set(data.algo, data); });
  on(source, "indicators", (data) => {
    for (const value of data.values) pending.indicators.set(value.topic, value);
  });
}

function on(source, type, handle) {
  source.addEventListener(type, (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      console.warn(`console: ${type} event is not JSON`, e);
      return;
    }
    setConnection("live");
    handle(data);
    schedule();
  });
}

function queueOrders(data) {
  pending.total = data.total;
  // each batch is newest first, and a later batch is newer: it goes in front
  pending.orders = data.orders.concat(pending.orders);
  if (pending.orders.length > ordersLimit()) pending.orders.length = ordersLimit();
}

function setConnection(text) {
  connection.textContent = text;
  connection.dataset.state = text;
}

// ---- snapshot: everything drawn afresh ----

function applySnapshot(snapshot) {
  resetOrders(snapshot.limits?.orders);
  resetIndicators();
  resetBooks();
  renderServices(snapshot.services ?? []);
  renderMetrics(snapshot.metrics ?? []);
  renderTotal(snapshot.orders?.total ?? 0);
  addOrders(snapshot.orders?.recent ?? []);
  for (const book of snapshot.books ?? []) applyBook(book);
  markOffline(snapshot.services ?? []);
  addIndicators(snapshot.indicators ?? []);
}

connect();
