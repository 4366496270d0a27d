// The console page: one EventSource on /events, a snapshot first and then increments.
// Events only queue work; one animation frame applies what queued since the last, so a flood
// of events costs one DOM update per frame. Everything held is bounded: order rows by the
// server's limits.orders (rows leaving the bottom are reused at the top), curve points,
// indicator rows.
(() => {
  "use strict";

  const CURVE_POINTS = 600;
  const MAX_INDICATORS = 1000;
  const RECONNECT_MS = 3000;
  const FALLBACK_FLUSH_MS = 1000;

  const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pnl = new Intl.NumberFormat(undefined,
    { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });
  const price = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const amount = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
  const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const rate = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
  const millis = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
  const clock = new Intl.DateTimeFormat(undefined, {
    hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hour12: false,
  });

  const $ = (selector, root = document) => root.querySelector(selector);
  const byTestId = (id, root = document) => $(`[data-testid="${id}"]`, root);

  const view = {
    connection: byTestId("connection"),
    total: byTestId("orders-total"),
    orders: $("tbody", byTestId("orders")),
    ordersShown: $("#orders-shown"),
    pause: $("#pause-orders"),
    services: $("tbody", byTestId("services")),
    metrics: $("tbody", byTestId("metrics")),
    indicators: $("tbody", byTestId("indicators")),
    books: $("#books"),
    bookTemplate: $("#book-template"),
  };

  const state = {
    limit: 500,
    paused: false,
    books: new Map(), // algo name -> { element, curve: [[ms, equity], ...] }
    indicators: new Map(), // topic -> row, least recently changed first
  };

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
    if (pending.orders.length > state.limit) pending.orders.length = state.limit;
  }

  function setConnection(text) {
    view.connection.textContent = text;
    view.connection.dataset.state = text;
  }

  // ---- snapshot ----

  function applySnapshot(snapshot) {
    state.limit = Math.max(1, snapshot.limits?.orders ?? state.limit);
    byTestId("orders").dataset.limit = state.limit;
    view.orders.replaceChildren();
    state.held = null;
    view.indicators.replaceChildren();
    state.indicators.clear();
    state.books.forEach(({ element }) => element.remove());
    state.books.clear();
    renderServices(snapshot.services ?? []);
    renderMetrics(snapshot.metrics ?? []);
    renderTotal(snapshot.orders?.total ?? 0);
    addOrders(snapshot.orders?.recent ?? []);
    for (const book of snapshot.books ?? []) applyBook(book);
    addIndicators(snapshot.indicators ?? []);
  }

  // ---- orders ----

  function renderTotal(total) {
    view.total.dataset.value = total;
    view.total.textContent = count.format(total);
  }

  /** Puts orders (newest first) on top, keeping at most state.limit rows. */
  function addOrders(orders) {
    if (state.paused) {
      state.held = orders.concat(state.held ?? []).slice(0, state.limit);
      return;
    }
    const fresh = orders.slice(0, state.limit);
    const rows = view.orders.rows;
    const fragment = document.createDocumentFragment();
    for (const order of fresh) {
      // once full, the oldest row leaves the bottom and comes back on top with the new order
      const reuse = rows.length + fragment.childNodes.length >= state.limit && rows.length > 0;
      const row = reuse ? rows[rows.length - 1] : newOrderRow();
      fillOrderRow(row, order);
      fragment.appendChild(row);
    }
    view.orders.insertBefore(fragment, view.orders.firstChild);
    while (rows.length > state.limit) rows[rows.length - 1].remove();
    view.ordersShown.textContent = `(latest ${count.format(rows.length)} of at most ${count.format(state.limit)})`;
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
    state.paused = !state.paused;
    view.pause.setAttribute("aria-pressed", String(state.paused));
    view.pause.textContent = state.paused ? "Resume" : "Pause";
    if (!state.paused && state.held) {
      const held = state.held;
      state.held = null;
      addOrders(held);
    }
  }

  // ---- services and metrics: small lists, redrawn whole ----

  function renderServices(services) {
    view.services.replaceChildren(...services.map(serviceRow));
    $("#services-empty").hidden = services.length > 0;
  }

  function serviceRow(service) {
    const row = document.createElement("tr");
    row.dataset.state = service.state;
    row.dataset.kind = service.kind;
    row.dataset.name = service.name;
    const state = cell(row, service.state);
    state.prepend(Object.assign(document.createElement("span"), { className: "dot" }));
    cell(row, service.kind);
    cell(row, service.name);
    cell(row, [service.rpc, service.http].filter(Boolean).join("\n") || "–", "wrap");
    const started = service.started ? ` since ${new Date(service.started).toLocaleString()}` : "";
    row.title = `${service.kind} ${service.name} ${service.version ?? ""} ${service.state}${started}` +
      (service.channels?.length ? `, channels ${service.channels.join(", ")}` : "") +
      (service.algo ? `, algo ${service.algo}` : "");
    return row;
  }

  function renderMetrics(metrics) {
    view.metrics.replaceChildren(...metrics.map(metricRow));
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

  // ---- books ----

  function applyBook(event) {
    let entry = state.books.get(event.algo);
    if (!entry) {
      entry = { element: newBook(event.algo), curve: [] };
      state.books.set(event.algo, entry);
      view.books.appendChild(entry.element);
      $("#books-empty").hidden = true;
    }
    const root = entry.element;
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

  function newBook(algo) {
    const element = view.bookTemplate.content.firstElementChild.cloneNode(true);
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

  // ---- indicators ----

  function addIndicators(values) {
    for (const value of values) {
      let row = state.indicators.get(value.topic);
      if (row) {
        state.indicators.delete(value.topic); // re-inserted below: the map stays in change order
      } else {
        row = indicatorRow(value);
        insertSorted(row);
      }
      state.indicators.set(value.topic, row);
      row.cells[3].textContent = price.format(value.value);
      row.title = value.ts == null ? value.topic : `${value.topic} at ${clock.format(value.ts / 1000)}`;
    }
    while (state.indicators.size > MAX_INDICATORS) {
      const [topic, row] = state.indicators.entries().next().value;
      state.indicators.delete(topic);
      row.remove();
    }
    $("#indicators-empty").hidden = state.indicators.size > 0;
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
    const rows = view.indicators.rows;
    let low = 0, high = rows.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (rows[mid].dataset.key < row.dataset.key) low = mid + 1; else high = mid;
    }
    view.indicators.insertBefore(row, rows[low] ?? null);
  }

  // ---- helpers ----

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function orDash(value, format) {
    return value == null ? "–" : format.format(value);
  }

  view.pause.addEventListener("click", togglePause);
  connect();
})();
