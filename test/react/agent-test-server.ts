/**
 * Vitest global setup for the browser project: a tiny agent on a real loopback WebSocket server
 * (127.0.0.1, port picked by the OS), so Chromium tests can use the browser's own WebSocket.
 *
 * Protocol (the default text codec's): the client sends `{"inputText": "..."}`.
 * - `stream:N` -> N text frames `"w "`, sent in one burst, then `{"done": true}`.
 * - anything else -> `echo: <text>` in three frames, then `{"done": true}`.
 */
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { WebSocketServer } from "ws";

declare module "vitest" {
  export interface ProvidedContext {
    agentServerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  server.on("connection", (socket) => {
    socket.on("message", (data) => {
      let text: string;
      try {
        text = String((JSON.parse(String(data)) as { inputText?: unknown }).inputText ?? "");
      } catch {
        text = String(data);
      }
      const stream = /^stream:(\d+)$/.exec(text);
      const chunks = stream
        ? Array.from({ length: Number(stream[1]) }, () => "w ")
        : [
            "echo: ",
            text.slice(0, Math.ceil(text.length / 2)),
            text.slice(Math.ceil(text.length / 2)),
          ];
      for (const chunk of chunks) socket.send(chunk);
      socket.send(JSON.stringify({ done: true }));
    });
  });
  const { port } = server.address() as AddressInfo;
  project.provide("agentServerUrl", `ws://127.0.0.1:${port}/agent`);
  return () =>
    new Promise<void>((resolve) => {
      for (const client of server.clients) client.terminate();
      server.close(() => resolve());
    });
}
