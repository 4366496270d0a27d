#!/usr/bin/env node
// A long-running MQTT <-> zerorpc bridge written like the original Intuition bridge (MQTT.js
// plus the zerorpc-node client), as a reference peer for the Java bridge-service.
//
//   node bridge.js --mqtt mqtt://127.0.0.1:1883 --rpc tcp://127.0.0.1:4242 [--cash 50000]
//                  [--orders-topic orders] [--param key=value ...]
//
// Calls initialize({cash, ...params}) on the algo, subscribes at QoS 1 to every channel it
// returns, then for each message: JSON.parse the payload, invoke event(data) and publish each
// order of the reply as JSON on the orders topic at QoS 1, in the order the quotes arrived.
// Bad input never stops the bridge: it is reported on stderr and skipped.
//
// stdout: "subscribing to channel <c>" per channel, then "bridge ready"; on shutdown one line
//         of counts ("forwarded N, orders N, rejected N, algo errors N, dropped N").
// stderr: "rejected: <reason>", "algo error: <name>: <message>", "mqtt error: <message>".
// Exit codes: 0 after SIGTERM/SIGINT, 1 if initialize or the subscription fails, 2 on a
// usage error.
'use strict';

const { Command, InvalidArgumentError } = require('commander');
const mqtt = require('mqtt');
const zerorpc = require('zerorpc');

const DRAIN_TIMEOUT_MS = 5000;
const WINDOW = 32;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseCash(value) {
  const cash = Number(value);
  if (!NUMBER.test(value) || cash < 0) {
    throw new InvalidArgumentError(`cash must be a non-negative number, but was "${value}"`);
  }
  return cash;
}

function collectParam(entry, params) {
  const eq = entry.indexOf('=');
  if (eq <= 0) {
    throw new InvalidArgumentError(`param must be key=value, but was "${entry}"`);
  }
  const value = entry.slice(eq + 1);
  return { ...params, [entry.slice(0, eq)]: NUMBER.test(value) ? Number(value) : value };
}

const options = new Command()
  .name('bridge.js')
  .description('Forwards MQTT quotes to a zerorpc algo and publishes its orders.')
  .option('-m, --mqtt <url>', 'MQTT broker', 'mqtt://127.0.0.1:1883')
  .option('-r, --rpc <endpoint>', 'zerorpc endpoint of the algo', 'tcp://127.0.0.1:4242')
  .option('--cash <amount>', 'starting cash sent to initialize', parseCash, 50000)
  .option('--orders-topic <topic>', 'topic the orders are published on', 'orders')
  .option('--param <key=value>', 'extra initialize parameter, repeatable; numbers stay numbers',
    collectParam, {})
  .allowExcessArguments(false)
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse()
  .opts();

const counts = { forwarded: 0, orders: 0, rejected: 0, algoErrors: 0, dropped: 0 };
const queue = [];
const inflight = [];
let stopping = false;
let closed = false;

function warn(line) {
  process.stderr.write(line + '\n');
}

const algo = new zerorpc.Client({ timeout: 10, heartbeatInterval: 5000 });
algo.on('error', (err) => warn(`algo error: ${describe(err)}`));
algo.connect(options.rpc);

const broker = mqtt.connect(options.mqtt, { reconnectPeriod: 1000 });
broker.on('error', (err) => warn(`mqtt error: ${err.message}`));
broker.on('message', (topic, payload) => {
  if (stopping) {
    counts.dropped++;
    return;
  }
  queue.push({ topic, payload });
  pump();
});

function describe(err) {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

algo.invoke('initialize', { cash: options.cash, ...options.param }, (err, channels) => {
  if (err) {
    warn(`algo error: ${describe(err)}`);
    process.exit(1);
  }
  const list = typeof channels === 'string' ? [channels] : channels;
  if (!Array.isArray(list) || list.length === 0) {
    warn(`algo error: initialize must return channels, but returned ${JSON.stringify(channels)}`);
    process.exit(1);
  }
  subscribe(list.map(String));
});

function subscribe(channels) {
  for (const channel of channels) {
    process.stdout.write(`subscribing to channel ${channel}\n`);
  }
  broker.subscribe(channels, { qos: 1 }, (err, granted) => {
    const refused = (granted || []).filter((grant) => grant.qos === 128).map((g) => g.topic);
    if (err || refused.length > 0) {
      warn(`mqtt error: cannot subscribe: ${err ? err.message : refused.join(', ')}`);
      process.exit(1);
    }
    process.stdout.write('bridge ready\n');
  });
}

// Up to WINDOW event calls in flight: the algo serves them in the order sent, and the orders
// are published in quote order whatever order the replies come back in. One call at a time
// would cap the bridge at one quote per round trip: 3.5-7 ms against the Java algo.
function pump() {
  while (inflight.length < WINDOW && queue.length > 0) {
    forward(queue.shift());
  }
  if (stopping && queue.length === 0 && inflight.length === 0) shutdown();
}

function forward({ topic, payload }) {
  const slot = { settled: false, orders: [] };
  inflight.push(slot);
  let data;
  try {
    data = parse(topic, payload);
  } catch (e) {
    counts.rejected++;
    warn(`rejected: ${e.message}`);
    return settle(slot);
  }
  algo.invoke('event', data, (err, result) => {
    if (slot.settled) return;
    if (err) {
      counts.algoErrors++;
      warn(`algo error: ${describe(err)}`);
    } else {
      counts.forwarded++;
      slot.orders = (Array.isArray(result) ? result : [result]).filter((o) => o != null);
    }
    settle(slot);
  });
}

function parse(topic, payload) {
  if (payload.length === 0) throw new Error(`payload on ${topic} is empty`);
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch (e) {
    throw new Error(`payload on ${topic} is not JSON: ${e.message}`);
  }
}

function settle(slot) {
  slot.settled = true;
  while (inflight.length > 0 && inflight[0].settled) {
    publishOrders(inflight.shift().orders);
  }
  setImmediate(pump);
}

function publishOrders(orders) {
  if (closed) return;
  for (const order of orders) {
    counts.orders++;
    broker.publish(options.ordersTopic, JSON.stringify(order), { qos: 1 }, (err) => {
      if (err) warn(`mqtt error: cannot publish order: ${err.message}`);
    });
  }
}

// Stop taking messages, let the queue drain for up to DRAIN_TIMEOUT_MS, then flush the order
// publications and close both connections.
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(shutdown, DRAIN_TIMEOUT_MS).unref();
  pump();
}

function shutdown() {
  if (closed) return;
  closed = true;
  counts.dropped += queue.length + inflight.length;
  process.stdout.write(
    `forwarded ${counts.forwarded}, orders ${counts.orders}, rejected ${counts.rejected}, ` +
      `algo errors ${counts.algoErrors}, dropped ${counts.dropped}\n`);
  // end() waits for the order publications still unacknowledged; a broker that has gone
  // away must not keep the bridge alive
  setTimeout(() => process.exit(0), DRAIN_TIMEOUT_MS);
  broker.end(false, {}, () => {
    algo.close(0);
    process.exit(0);
  });
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
