// What the browser test's checks share: the command line, the clock since the start, a failed
// check, waiting in the page, screenshots and the printing of passed checks.
import path from "node:path";
import { parseArgs } from "node:util";

export const MiB = 1024 * 1024;

export class CheckFailed extends Error {}

/** The command line's options; a bad one prints the usage and exits 2. */
export const options = parseOptions();
export const started = Date.now();

/** Waits until `predicate(arg)` holds in the page, failing after `ms` with what was awaited. */
export async function until(page, what, ms, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: ms, polling: 100 });
  } catch (e) {
    const shot = `failed-${Date.now()}.png`;
    await page.screenshot({ path: path.join(options.out, shot), fullPage: true }).catch(() => {});
    throw new CheckFailed(`waited ${seconds(ms)} for ${what} (screenshot ${shot}): ${e.message.split("\n")[0]}`);
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function total(page) {
  return Number(await page.getByTestId("orders-total").getAttribute("data-value"));
}

export async function shoot(page, name) {
  await page.screenshot({ path: path.join(options.out, name), fullPage: true });
  pass(`screenshot ${path.join(options.out, name)}`);
}

export function pass(text) {
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
        "stop-algo-pid": { type: "string" },
        "stop-algo": { type: "string" },
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
    const stopAlgoPid = values["stop-algo-pid"] === undefined ? null : Number(values["stop-algo-pid"]);
    if (stopAlgoPid !== null && (!Number.isInteger(stopAlgoPid) || stopAlgoPid <= 0)) throw new Error(`--stop-algo-pid must be a process id, but was ${values["stop-algo-pid"]}`);
    if ((stopAlgoPid === null) !== (values["stop-algo"] === undefined)) {
      throw new Error("--stop-algo-pid and --stop-algo NAME go together");
    }
    return { url: values.url, mqttHost: values["mqtt-host"], mqttPort: Number(values["mqtt-port"]),
      out: path.resolve(values.out), flood, stopPid, stopService: values["stop-service"],
      stopAlgoPid, stopAlgo: values["stop-algo"] };
  } catch (e) {
    console.error(`console.e2e.mjs: ${e.message}`);
    console.error("usage: node console.e2e.mjs --url URL [--mqtt-host H] [--mqtt-port P] [--out DIR] [--flood N] [--stop-pid PID --stop-service KIND/NAME] [--stop-algo-pid PID --stop-algo NAME]");
    process.exit(2);
  }
}

export function seconds(ms) { return `${(ms / 1000).toFixed(1)} s`; }
export function mib(bytes) { return `${(bytes / MiB).toFixed(2)} MiB`; }
export function percent(fraction) { return `${(fraction * 100).toFixed(1)}%`; }
