package io.intuition.common.rpc.server;

import io.intuition.common.codec.MessageId;

/** A reply ready to send: the route back to the caller, and the encoded event. */
record Outgoing(byte[][] envelope, MessageId request, byte[] payload) {}
