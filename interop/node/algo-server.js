#!/usr/bin/env node
// A real Node.js zerorpc 0.9.8 server that behaves like the original algorithm, for the
// Java bridge/client to call in interoperability tests.
//
//   node algo-server.js <bindEndpoint>        e.g. tcp://127.0.0.1:4242
//
// Prints "listening on <endpoint>" on stdout once bound (the endpoint as bound, so
// tcp://127.0.0.1:0 shows the port chosen); exits 0 on SIGTERM/SIGINT.
//
// Methods:
//   initialize(params)  -> params.channels || ["quotes"]; remembers params.cash
//   event(data)         -> {"sid", "quote", "amount": 1, "shares": 1, "cash": <cash left>}
//                          for {"sid": .., "quote": ..}; null when data.skip === true
//   add(a, b)           -> a + b
//   fail()              -> ERR Error "boom!"
//   slow(seconds)       -> seconds, after that many seconds
//
// Methods are written as `function (..., reply)`: zerorpc-node parses each method's source
// text to find its arguments and crashes on the shorthand `name(...) {}` syntax.
'use strict';

const zerorpc = require('zerorpc');

const endpoint = process.argv[2];
if (!endpoint || process.argv.length > 3) {
  process.stderr.write('usage: node algo-server.js <bindEndpoint>\n');
  process.exit(2);
}

let cash = 0;

const server = new zerorpc.Server({
  initialize: function (params, reply) {
    params = params || {};
    cash = typeof params.cash === 'number' ? params.cash : 0;
    reply(null, params.channels || ['quotes']);
  },

  event: function (data, reply) {
    if (data === null || typeof data !== 'object') {
      return reply(new TypeError('event expects a message object, got ' + JSON.stringify(data)));
    }
    if (data.skip === true) {
      return reply(null, null);
    }
    const quote = Number(data.quote);
    const amount = 1;
    cash -= quote * amount;
    reply(null, { sid: data.sid, quote: quote, amount: amount, shares: amount, cash: cash });
  },

  add: function (a, b, reply) {
    reply(null, a + b);
  },

  fail: function (reply) {
    reply(new Error('boom!'));
  },

  slow: function (seconds, reply) {
    setTimeout(function () { reply(null, seconds); }, Number(seconds) * 1000);
  },
});

// Protocol/heartbeat errors on one call must not kill the server.
server.on('error', function (err) {
  process.stderr.write('algo-server: ' + (err && err.message ? err.message : String(err)) + '\n');
});

try {
  server.bind(endpoint); // bindSync: throws if the endpoint cannot be bound
} catch (e) {
  process.stderr.write('algo-server: cannot bind ' + endpoint + ': ' + e.message + '\n');
  process.exit(1);
}

// The endpoint actually bound: the same string for tcp://127.0.0.1:4242, the chosen port for
// tcp://127.0.0.1:0, and tcp://0.0.0.0:4242 for tcp://*:4242.
let bound = endpoint;
try {
  bound = String(server._socket._zmqSocket.getsockopt('last_endpoint')).replace(/\0+$/, '') || endpoint;
} catch (e) {
  // keep the endpoint as given
}
process.stdout.write('listening on ' + bound + '\n');

function shutdown() {
  try {
    server.close();
  } catch (e) {
    // already closed
  }
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
