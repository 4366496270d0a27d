// The console in a real browser: headless Chromium (the system's, never a downloaded one) driven
// by playwright-core against a running suite. Prints one line per check passed; exits 1 with the
// reason on the first failure, 2 on a bad command line.
//
//   node console.e2e.mjs --url http://127.0.0.1:8080 --mqtt-host 127.0.0.1 --mqtt-port 1883 --out DIR
//
// --flood N (default 10000) orders are published on the broker's `orders` topic with
// mosquitto_pub; --flood 0 skips that part (and needs no broker).
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import {
  checkBook, checkBookGoesOffline, checkFlood, checkOrdersKeepComing, checkRatesAndIndicators,
  checkServiceGoesOffline,
} from "./checks.mjs";
import { firstOrder, onlineServices } from "./page-side.mjs";
import { CheckFailed, options, pass, seconds, shoot, started, until } from "./support.mjs";

const TOTAL_TIMEOUT_MS = 240_000;
const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

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
  if (options.stopAlgoPid) await checkBookGoesOffline(page);
  if (errors.length) throw new CheckFailed(`the page threw: ${errors.join("; ")}`);
  pass("no error thrown in the page");
}
