/**
 * CURVE credentials for the RPC link: key pairs in Z85, the key files that hold them (the ZPL
 * certificates of czmq, pyzmq's {@code zmq.auth} and JeroMQ's {@code ZCert}), and what a server and
 * a client are configured with.
 */
package io.intuition.common.rpc.curve;
