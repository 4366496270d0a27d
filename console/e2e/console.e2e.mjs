// The console in a real browser: headless Chromium (the system's, never a downloaded one) driven
// by playwright-core against a running suite. Prints one line per check passed; exits 1 with the
// reason on the first failure, 2 on a bad command line.
//
//   node console.e2e.mjs --url http://127.0.0.1:8080 --mqtt-host 127.0.0.1 --mqtt-port 1883 --out DIR
//
// --flood N (default 10000) orders are published on the broker's `orders` topic with
// mosquitto_pub; --flood 0 skips that part (and needs no broker).
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const MiB = 1024 * 1024;
// the page keeping every order of the flood costs about 1 MiB; a healthy page grows ~0.1 MiB
const HEAP_GROWTH_LIMIT = 0.75 * MiB;
const NODE_GROWTH_LIMIT = 0.2;
const RESPONSIVE_MS = 3000;
const CURVE_POINTS = 600; // the contract's bound on a book's curve
const PACE_LINES = 200;
const PACE_MS = 200;
const TOTAL_TIMEOUT_MS = 240_000;
const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

class CheckFailed extends Error {}

const options = parseOptions();
const started = Date.now();
const profile = mkdtempSync(path.join(tmpdir(), "console-e2e-"));
let browser;
const watchdog = setTimeout(() => {
  console.error(`FAIL: the browser test took longer than ${TOTAL_TIMEOUT_MS / 1000} s`);
  process.exit(1);
}, TOTAL_TIMEOUT_MS);

try {
  await run();
  console.log(`all checks passed in ${seconds(Date.now() - started)}`);
  process.exitCode = 0;
} catch (e) {
  console.error(`FAIL: ${e instanceof CheckFailed ? e.message : e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}

async function run() {
  mkdirSync(options.out, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  // launchPersistentContext takes the fresh profile folder, which launch() would not
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1400, height: 1000 },
  });
  browser = context;
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto(options.url, { waitUntil: "domcontentloaded", timeout: 15_000 });
  await until(page, "the connection badge to say live", 15_000,
    () => document.querySelector('[data-testid="connection"]')?.textContent.trim() === "live");
  pass("connection live");

  await until(page, "an online algo and an online bridge in the services list", 60_000, () => {
    const online = (kind) => document.querySelector(
      `[data-testid="services"] tr[data-kind="${kind}"][data-state="online"]`);
    return Boolean(online("algo") && online("bridge"));
  });
  pass(`services online: ${await page.evaluate(onlineServices)}`);
  if (options.stopPid) await checkServiceGoesOffline(page);

  await until(page, "an order row in the orders table", 60_000,
    () => document.querySelectorAll('[data-testid="orders"] tbody tr').length > 0);
  const first = await page.evaluate(firstOrder);
  pass(`order rows shown, newest: ${first}`);

  await checkBook(page);
  await checkOrdersKeepComing(page);
  await checkRatesAndIndicators(page);
  await shoot(page, "console.png");

  if (options.flood > 0) await checkFlood(page);
  if (errors.length) throw new CheckFailed(`the page threw: ${errors.join("; ")}`);
  pass("no error thrown in the page");
}

// stops a running service (--stop-pid, --stop-service KIND/NAME) and waits for its row to turn
// offline: the death it announces reaches the page while the page is open
async function checkServiceGoesOffline(page) {
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

async function checkBook(page) {
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

async function checkOrdersKeepComing(page) {
  const before = await total(page);
  await until(page, `the orders total to grow past ${before}`, 30_000,
    (was) => Number(document.querySelector('[data-testid="orders-total"]').dataset.value) > was, before);
  pass(`orders keep arriving: total ${before} -> ${await total(page)}`);
}

async function checkRatesAndIndicators(page) {
  await until(page, "quotes/s and a quote-to-order latency in the throughput table", 30_000, () =>
    [...document.querySelectorAll('[data-testid="metrics"] tbody tr')].some((row) =>
      /\d/.test(row.querySelector('[data-testid="quotes-per-second"]')?.textContent ?? "") &&
      /\d/.test(row.querySelector('[data-testid="latency"]')?.textContent ?? "")));
  pass(`rates shown: ${await page.evaluate(rates)}`);
  await until(page, "an indicator value", 30_000,
    () => document.querySelectorAll('[data-testid="indicators"] tbody tr').length > 0);
  const count = await page.locator('[data-testid="indicators"] tbody tr').count();
  pass(`indicators shown: ${count} rows, first ${await page.evaluate(firstIndicator)}`);
}

async function checkFlood(page) {
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

// ---- the page's side, run in the browser ----

function onlineServices() {
  return [...document.querySelectorAll('[data-testid="services"] tr[data-state="online"]')]
    .map((row) => `${row.dataset.kind} ${row.dataset.name}`).join(", ");
}

function firstOrder() {
  const row = document.querySelector('[data-testid="orders"] tbody tr');
  return `${row.dataset.side}: ${[...row.cells].map((c) => c.textContent).join(" | ")}`;
}

function rates() {
  return [...document.querySelectorAll('[data-testid="metrics"] tbody tr[data-up="true"]')].map((row) =>
    `${row.cells[0].textContent}${row.dataset.kind ? ` (${row.dataset.kind})` : ""} ` +
    `${row.querySelector('[data-testid="quotes-per-second"]').textContent} quotes/s, ` +
    `latency ${row.querySelector('[data-testid="latency"]').textContent}`).join("; ");
}

function firstIndicator() {
  return [...document.querySelector('[data-testid="indicators"] tbody tr').cells]
    .map((c) => c.textContent).join(" ");
}

function bookState() {
  const book = document.querySelector('[data-testid="book"]');
  const text = (id) => book.querySelector(`[data-testid="${id}"]`).textContent;
  const at = book.querySelector('[data-testid="book-at"]');
  const line = book.querySelector('[data-testid="equity-curve"] polyline').getAttribute("points");
  const points = line.trim().split(/\s+/).filter(Boolean).length;
  return { algo: book.dataset.algo, cash: text("cash"), equity: text("equity"),
    at: at.dataset.at, atText: at.textContent, points, line };
}

// ---- measures and helpers ----

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

/** Waits until `predicate(arg)` holds in the page, failing after `ms` with what was awaited. */
async function until(page, what, ms, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: ms, polling: 100 });
  } catch (e) {
    const shot = `failed-${Date.now()}.png`;
    await page.screenshot({ path: path.join(options.out, shot), fullPage: true }).catch(() => {});
    throw new CheckFailed(`waited ${seconds(ms)} for ${what} (screenshot ${shot}): ${e.message.split("\n")[0]}`);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function total(page) {
  return Number(await page.getByTestId("orders-total").getAttribute("data-value"));
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(options.out, name), fullPage: true });
  pass(`screenshot ${path.join(options.out, name)}`);
}

function pass(text) {
  console.log(`ok ${seconds(Date.now() - started).padStart(7)}  ${text}`);
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        url: { type: "string" },
        "mqtt-host": { type: "string", default: "127.0.0.1" },
        "mqtt-port": { type: "string", default: "1883" },
        out: { type: "string", default: "target/e2e" },
        flood: { type: "string", default: "10000" },
        "stop-pid": { type: "string" },
        "stop-service": { type: "string" },
      },
    });
    if (!values.url) throw new Error("--url is required, such as --url http://127.0.0.1:8080");
    const flood = Number(values.flood);
    if (!Number.isInteger(flood) || flood < 0) throw new Error(`--flood must be a whole number, but was ${values.flood}`);
    const stopPid = values["stop-pid"] === undefined ? null : Number(values["stop-pid"]);
    if (stopPid !== null && (!Number.isInteger(stopPid) || stopPid <= 0)) throw new Error(`--stop-pid must be a process id, but was ${values["stop-pid"]}`);
    if ((stopPid === null) !== (values["stop-service"] === undefined) || (values["stop-service"] ?? "a/b").split("/").length !== 2) {
      throw new Error("--stop-pid and --stop-service KIND/NAME go together");
    }
    return { url: values.url, mqttHost: values["mqtt-host"], mqttPort: Number(values["mqtt-port"]),
      out: path.resolve(values.out), flood, stopPid, stopService: values["stop-service"] };
  } catch (e) {
    console.error(`console.e2e.mjs: ${e.message}`);
    console.error("usage: node console.e2e.mjs --url URL [--mqtt-host H] [--mqtt-port P] [--out DIR] [--flood N] [--stop-pid PID --stop-service KIND/NAME]");
    process.exit(2);
  }
}

function seconds(ms) { return `${(ms / 1000).toFixed(1)} s`; }
function mib(bytes) { return `${(bytes / MiB).toFixed(2)} MiB`; }
function percent(fraction) { return `${(fraction * 100).toFixed(1)}%`; }
