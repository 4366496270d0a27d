// The browser test's checks, each against the console open in `page`: services, book, orders,
// rates and indicators, and the flood of orders the page must take without leaking.
import { spawn } from "node:child_process";
import {
  CheckFailed, MiB, mib, options, pass, percent, seconds, shoot, total, until, withTimeout,
} from "./support.mjs";
import { bookState, firstIndicator, rates } from "./page-side.mjs";

// the page keeping every order of the flood costs about 1 MiB; a healthy page grows ~0.1 MiB
const HEAP_GROWTH_LIMIT = 0.75 * MiB;
const NODE_GROWTH_LIMIT = 0.2;
const RESPONSIVE_MS = 3000;
const CURVE_POINTS = 600; // the contract's bound on a book's curve
const PACE_LINES = 200;
const PACE_MS = 200;

// stops a running service (--stop-pid, --stop-service KIND/NAME) and waits for its row to turn
// offline: the death it announces reaches the page while the page is open
export async function checkServiceGoesOffline(page) {
  const [kind, name] = options.stopService.split("/");
  const row = (state) => `[data-testid="services"] tr[data-kind="${kind}"][data-name="${name}"]` +
    `[data-state="${state}"]`;
  await until(page, `${kind} ${name} online in the services list`, 60_000,
    (selector) => Boolean(document.querySelector(selector)), row("online"));
  process.kill(options.stopPid, "SIGTERM");
  await until(page, `${kind} ${name} to turn offline after SIGTERM to pid ${options.stopPid}`, 30_000,
    (selector) => Boolean(document.querySelector(selector)), row("offline"));
  pass(`services: ${kind} ${name} went offline live after SIGTERM to pid ${options.stopPid}`);
}

// stops the algo (--stop-algo-pid, --stop-algo NAME) and waits for its book to stay on the page,
// marked offline
export async function checkBookGoesOffline(page) {
  const card = `[data-testid="book"][data-algo="${options.stopAlgo}"]`;
  process.kill(options.stopAlgoPid, "SIGTERM");
  await until(page, `the book of ${options.stopAlgo} marked offline after SIGTERM to pid ${options.stopAlgoPid}`,
    30_000, (selector) => {
      const book = document.querySelector(selector);
      return Boolean(book && book.dataset.state === "offline" &&
        !book.querySelector(".book-offline").hidden);
    }, card);
  const cash = await page.locator(`${card} [data-testid="cash"]`).textContent();
  pass(`book of ${options.stopAlgo} marked offline after SIGTERM, its last cash ${cash} kept`);
}

export async function checkBook(page) {
  await until(page, "a book with cash and equity", 60_000, () => {
    const book = document.querySelector('[data-testid="book"]');
    const figure = (id) => book?.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
    return /\d/.test(figure("cash")) && /\d/.test(figure("equity"));
  });
  const before = await page.evaluate(bookState);
  pass(`book of ${before.algo}: cash ${before.cash}, equity ${before.equity}, ${before.points} curve points`);
  // a curve already at its bound (600 points, a console up for long) moves instead of growing
  await until(page, `the book of ${before.algo} to be polled again and its curve to gain points`, 20_000,
    ([was, max]) => {
      const book = document.querySelector(`[data-testid="book"][data-algo="${was.algo}"]`);
      const at = book.querySelector('[data-testid="book-at"]').dataset.at;
      const line = book.querySelector('[data-testid="equity-curve"] polyline').getAttribute("points");
      const points = line.trim().split(/\s+/).filter(Boolean).length;
      return at !== was.at && (points > was.points || (points >= max && line !== was.line));
    }, [before, CURVE_POINTS]);
  const after = await page.evaluate(bookState);
  pass(`book updated: at ${after.atText} (was ${before.atText}), curve ${before.points} -> ${after.points} points`);
}

export async function checkOrdersKeepComing(page) {
  const before = await total(page);
  await until(page, `the orders total to grow past ${before}`, 30_000,
    (was) => Number(document.querySelector('[data-testid="orders-total"]').dataset.value) > was, before);
  pass(`orders keep arriving: total ${before} -> ${await total(page)}`);
}

export async function checkRatesAndIndicators(page) {
  // every kind of service that handles quotes shows a rate above zero, the bridge a latency too
  await until(page, "quotes/s above 0 for the algo, bridge, feed and indicator, and a latency", 30_000,
    () => {
      const rows = [...document.querySelectorAll('[data-testid="metrics"] tbody tr[data-up="true"]')];
      const flowing = (kind) => rows.some((row) => row.dataset.kind === kind &&
        Number((row.querySelector('[data-testid="quotes-per-second"]')?.textContent ?? "")
          .replace(/,/g, "")) > 0);
      return ["algo", "bridge", "feed", "indicator"].every(flowing) && rows.some((row) =>
        row.dataset.kind === "bridge" &&
        /\d/.test(row.querySelector('[data-testid="latency"]')?.textContent ?? ""));
    });
  pass(`rates shown: ${await page.evaluate(rates)}`);
  await until(page, "an indicator value", 30_000,
    () => document.querySelectorAll('[data-testid="indicators"] tbody tr').length > 0);
  const count = await page.locator('[data-testid="indicators"] tbody tr').count();
  pass(`indicators shown: ${count} rows, first ${await page.evaluate(firstIndicator)}`);
}

export async function checkFlood(page) {
  const limit = await ordersLimit();
  // fill the table first, so the baseline holds a full table and the flood shows only growth
  await publishOrders(limit + 50, 0);
  await until(page, `the orders table to fill up to ${limit} rows`, 60_000,
    (max) => document.querySelectorAll('[data-testid="orders"] tbody tr').length >= max, limit);
  const baseline = await measure(page);
  const before = await total(page);
  pass(`before the flood: ${baseline.text}, orders total ${before}, table limit ${limit}`);

  const publishStarted = Date.now();
  await publishOrders(options.flood, limit + 50, true);
  pass(`published ${options.flood} orders in ${seconds(Date.now() - publishStarted)}`);
  await until(page, `the orders total to grow by ${options.flood} from ${before}`, 120_000,
    ([was, flood]) =>
      Number(document.querySelector('[data-testid="orders-total"]').dataset.value) >= was + flood,
    [before, options.flood]);
  pass(`orders total ${await total(page)} after the flood (was ${before})`);

  const rows = await page.locator('[data-testid="orders"] tbody tr').count();
  if (rows > limit) throw new CheckFailed(`the orders table holds ${rows} rows, more than the limit ${limit}`);
  pass(`orders table bounded: ${rows} rows <= ${limit}`);

  const after = await measure(page);
  const heapGrowth = after.heap - baseline.heap;
  const nodeGrowth = (after.nodes - baseline.nodes) / baseline.nodes;
  if (heapGrowth >= HEAP_GROWTH_LIMIT) {
    throw new CheckFailed(`the JS heap grew by ${mib(heapGrowth)} over the flood (limit ${mib(HEAP_GROWTH_LIMIT)}): ${baseline.text} -> ${after.text}`);
  }
  if (nodeGrowth >= NODE_GROWTH_LIMIT) {
    throw new CheckFailed(`the DOM grew by ${percent(nodeGrowth)} over the flood (limit ${percent(NODE_GROWTH_LIMIT)}): ${baseline.text} -> ${after.text}`);
  }
  pass(`no leak: heap ${mib(heapGrowth)} (< ${mib(HEAP_GROWTH_LIMIT)}), DOM nodes ${percent(nodeGrowth)} (< ${percent(NODE_GROWTH_LIMIT)}); after: ${after.text}`);

  await checkResponsive(page);
  await shoot(page, "console-10000.png");
}

async function checkResponsive(page) {
  const t0 = Date.now();
  await withTimeout(page.evaluate(() => document.title), RESPONSIVE_MS, "an evaluate round-trip");
  const roundTrip = Date.now() - t0;
  const button = page.getByTestId("pause-orders");
  const t1 = Date.now();
  await button.click({ timeout: RESPONSIVE_MS });
  await until(page, "the pause button to answer a click", RESPONSIVE_MS,
    () => document.querySelector('[data-testid="pause-orders"]').getAttribute("aria-pressed") === "true");
  const clicked = Date.now() - t1;
  await button.click({ timeout: RESPONSIVE_MS });
  pass(`page responsive: evaluate round-trip ${roundTrip} ms, click answered in ${clicked} ms`);
}

// ---- measures and publishing ----

async function measure(page) {
  // let queued frames apply, then collect garbage before reading the heap
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300))));
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const heap = metric("JSHeapUsedSize");
    const nodes = metric("Nodes");
    const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
    return { heap, nodes, elements, text: `heap ${mib(heap)}, ${nodes} DOM nodes, ${elements} elements` };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function ordersLimit() {
  const response = await fetch(new URL("api/state", options.url.endsWith("/") ? options.url : options.url + "/"));
  if (!response.ok) throw new CheckFailed(`GET /api/state answered ${response.status}`);
  const limit = (await response.json()).limits?.orders;
  if (!Number.isInteger(limit) || limit <= 0) throw new CheckFailed(`/api/state names no limits.orders: ${limit}`);
  return limit;
}

/** Publishes `count` valid orders, alternately buy and sell, with one mosquitto_pub fed lines. */
function publishOrders(count, from, paced = false) {
  const symbols = ["GOOG", "AAPL", "MSFT"];
  const lines = [];
  for (let i = from; i < from + count; i++) {
    const quote = 100 + (i % 50) / 4;
    const shares = 1 + (i % 10);
    lines.push(JSON.stringify({
      sid: symbols[i % symbols.length], quote, amount: +(quote * shares).toFixed(2), shares,
      cash: 50_000, ts: Date.now() * 1000, side: i % 2 === 0 ? "buy" : "sell",
    }));
  }
  return new Promise((resolve, reject) => {
    const args = ["-h", options.mqttHost, "-p", String(options.mqttPort), "-t", "orders", "-q", "1", "-l"];
    const pub = spawn("mosquitto_pub", args, { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    const timer = setTimeout(() => { pub.kill(); reject(new CheckFailed(`mosquitto_pub did not finish within 90 s: ${stderr}`)); }, 90_000);
    pub.stderr.on("data", (d) => { stderr += d; });
    pub.on("error", (e) => { clearTimeout(timer); reject(new CheckFailed(`cannot run mosquitto_pub (apt-get install mosquitto-clients): ${e.message}`)); });
    pub.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new CheckFailed(`mosquitto_pub ${args.join(" ")} exited ${code}: ${stderr.trim()}`));
    });
    feed(pub.stdin, lines, paced);
  });
}

/**
 * Writes the lines all at once, or paced: PACE_LINES every PACE_MS, slower than the console's
 * batches (at most limits.orders per 250 ms), so that the page receives every order.
 */
async function feed(stdin, lines, paced) {
  if (!paced) {
    stdin.end(lines.join("\n") + "\n");
    return;
  }
  for (let i = 0; i < lines.length; i += PACE_LINES) {
    stdin.write(lines.slice(i, i + PACE_LINES).join("\n") + "\n");
    await new Promise((done) => setTimeout(done, PACE_MS));
  }
  stdin.end();
}
