package io.intuition.common.rpc.client;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.Msgpack;
import io.intuition.common.codec.Packed;
import io.intuition.common.codec.Protocol;
import io.intuition.common.codec.Values;
import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.RpcException;
import java.io.IOException;
import java.util.List;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/** Completes a call with the reply the server sent: its result, or its error. */
final class Replies {
  private Replies() {}

  /** Completes {@code call} from {@code reply}, an event decoded with its args packed. */
  static void complete(Call call, Event reply) {
    Packed args = (Packed) reply.args();
    try {
      switch (reply.name()) {
        case Protocol.OK -> call.result.complete(call.packed ? first(args) : decodedFirst(args));
        case Protocol.ERR -> call.result.completeExceptionally(remoteError(decoded(args)));
        default ->
            call.result.completeExceptionally(
                new RpcException(
                    call.method
                        + " replied "
                        + reply.name()
                        + ", which this client does not take"));
      }
    } catch (IOException | RuntimeException e) {
      call.result.completeExceptionally(
          new RpcException(call.method + " replied with malformed args: " + e.getMessage()));
    }
  }

  /** The first element of a packed array, still packed; a packed nil when there is none. */
  private static Packed first(Packed args) throws IOException {
    byte[] bytes = args.bytes();
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
      if (in.getNextFormat().getValueType() != org.msgpack.value.ValueType.ARRAY) {
        return args; // a lone value stands for a list of one, as Event.argList reads it
      }
      if (in.unpackArrayHeader() == 0) {
        return new Packed(new byte[] {(byte) 0xc0});
      }
      int start = (int) in.getTotalReadBytes();
      in.skipValue();
      return new Packed(java.util.Arrays.copyOfRange(bytes, start, (int) in.getTotalReadBytes()));
    }
  }

  private static Object decodedFirst(Packed args) throws IOException {
    List<?> list = decoded(args);
    return list.isEmpty() ? null : list.get(0);
  }

  private static List<?> decoded(Packed args) throws IOException {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(args.bytes())) {
      Object value = Msgpack.read(in, args.bytes().length);
      if (value instanceof List<?> list) {
        return list;
      }
      return value == null ? List.of() : java.util.Collections.singletonList(value);
    }
  }

  private static RemoteException remoteError(List<?> args) {
    return new RemoteException(text(args, 0), text(args, 1), text(args, 2));
  }

  private static String text(List<?> args, int index) {
    if (index >= args.size()) {
      return "";
    }
    String text = Values.text(args.get(index));
    return text == null ? String.valueOf(args.get(index)) : text;
  }
}
