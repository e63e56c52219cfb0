import type { RawData } from "ws";
import type { AgentHandler } from "../agent-types";
import { isSendableCloseCode } from "../close-codes";
import type { Upstream } from "./upstream";

/** The close code to pass on: as sent where it may be sent, else what it stands for. */
function passOn(code: number, abnormal: number): number {
  if (isSendableCloseCode(code)) return code;
  return code === 1005 ? 1000 : abnormal;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(Buffer.isBuffer(data) ? data : Buffer.from(data));
}

/**
 * The emulator's agent for one forwarded stream: relays every frame between the client and the
 * agent container's WebSocket, both ways, text as text and binary as binary, and each side's
 * close to the other with its code (1005, no code, becomes 1000; a broken agent socket closes
 * the client with 1011, a broken client socket the agent's with 1001).
 */
export function relayTo(upstream: Upstream): AgentHandler {
  return (socket) => {
    socket.on("message", (data, isBinary) => {
      if (upstream.isOpen) upstream.ws.send(data, { binary: isBinary });
    });
    socket.on("close", (code, reason) => upstream.close(passOn(code, 1001), reason));
    upstream.listen({
      message: (data, isBinary) => {
        const bytes = toBytes(data);
        socket.send(isBinary ? bytes : Buffer.from(bytes).toString("utf8"));
      },
      close: (code, reason) => {
        if (socket.isOpen) socket.close(passOn(code, 1011), reason.toString());
      },
    });
  };
}
