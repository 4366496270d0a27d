#!/usr/bin/env node
// One-shot zerorpc call with the real Node.js zerorpc 0.9.8 client.
//
//   node client.js <endpoint> <method> [jsonArg ...]
//
// Prints exactly one line of JSON on stdout, then exits 0:
//   {"ok":true,"result":<result>}
//   {"ok":false,"error":{"name":"...","message":"..."}}
// Exits 2 on a usage error (message on stderr).
//
// Environment:
//   ZRPC_TIMEOUT_S      call timeout in seconds (default 10; fractions allowed)
//   ZRPC_HEARTBEAT_MS   heartbeat interval in ms (default 5000; the remote is declared
//                       lost after 2 intervals without a heartbeat)
'use strict';

const zerorpc = require('zerorpc');

function usage(msg) {
  if (msg) process.stderr.write(`client.js: ${msg}\n`);
  process.stderr.write('usage: node client.js <endpoint> <method> [jsonArg ...]\n');
  process.exit(2);
}

function positiveNumberEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) usage(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

const argv = process.argv.slice(2);
if (argv.length < 2) usage();
const [endpoint, method, ...rawArgs] = argv;
const args = rawArgs.map((raw, i) => {
  try {
    return JSON.parse(raw);
  } catch (e) {
    return usage(`argument ${i + 1} is not JSON: ${raw}`);
  }
});

const timeout = positiveNumberEnv('ZRPC_TIMEOUT_S', 10);
const heartbeatInterval = positiveNumberEnv('ZRPC_HEARTBEAT_MS', 5000);

// Option names as read in node_modules/zerorpc/lib/client.js: timeout (seconds),
// heartbeatInterval (milliseconds).
const client = new zerorpc.Client({ timeout, heartbeatInterval });

let done = false;
function finish(outcome) {
  if (done) return;
  done = true;
  process.stdout.write(JSON.stringify(outcome) + '\n', () => {
    try {
      client.close(0); // linger 0: do not wait for unsent messages to a dead server
    } catch (e) {
      // already closed
    }
    process.exit(0);
  });
}

function errorOutcome(err) {
  if (err instanceof Error) {
    return { ok: false, error: { name: err.name || 'Error', message: String(err.message) } };
  }
  return { ok: false, error: { name: 'Error', message: String(err) } };
}

// Socket-level errors (e.g. a malformed message) must not crash the process.
client.on('error', (err) => finish(errorOutcome(err)));

try {
  client.connect(endpoint);
} catch (e) {
  finish(errorOutcome(e));
}

if (!done) {
  let streamed = null;
  client.invoke(method, ...args, (err, result, more) => {
    if (err) return finish(errorOutcome(err));
    if (more) {
      // A streaming reply: collect the items and print them as one array.
      (streamed = streamed || []).push(result);
      return;
    }
    if (streamed !== null) {
      if (result !== undefined) streamed.push(result);
      return finish({ ok: true, result: streamed });
    }
    finish({ ok: true, result: result === undefined ? null : result });
  });
}
