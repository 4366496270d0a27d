package io.intuition.common.codec;

/** Constants of the zerorpc wire protocol, version 3. */
public final class Protocol {
  /** The protocol version every event carries as {@code v}. */
  public static final int VERSION = 3;

  /** How often each side heartbeats an open call. */
  public static final long HEARTBEAT_INTERVAL_MS = 5_000;

  /** The reply carrying a result. */
  public static final String OK = "OK";

  /** The reply carrying {@code [name, message, detail]}. */
  public static final String ERR = "ERR";

  /** The heartbeat event, with args {@code [0]}. */
  public static final String HEARTBEAT = "_zpc_hb";

  /** A streamed item. */
  public static final String STREAM = "STREAM";

  /** The end of a stream. */
  public static final String STREAM_DONE = "STREAM_DONE";

  /** Flow control for streams. */
  public static final String MORE = "_zpc_more";

  private Protocol() {}
}
