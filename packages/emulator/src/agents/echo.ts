import type { AgentHandler } from "../agent-types";
import { inputTextOf, parseJson } from "./client-frames";

/**
 * Echoes every frame back. A `{"inputText": "..."}` frame is answered with its text; any other
 * text or binary frame comes back unchanged.
 */
export function echoAgent(): AgentHandler {
  return (socket) => {
    socket.on("message", (data) => {
      if (typeof data !== "string") {
        socket.send(data);
        return;
      }
      socket.send(inputTextOf(parseJson(data)) ?? data);
    });
  };
}
