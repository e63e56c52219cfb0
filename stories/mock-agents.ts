import { Server, WebSocket as MockWebSocket, type Client } from "mock-socket";
import type { WebSocketConstructor } from "../src/connection/types";
import type { PresignedConnection, UrlProvider } from "../src/providers/types";

/**
 * Scripted agents behind an in-memory WebSocket (mock-socket): the stories drive the real hook
 * and connection against them, with no network and no AWS. They speak what the default text
 * codec reads: `{"text": "..."}` frames, then `{"done": true}`.
 */
export interface MockAgent {
  urlProvider: UrlProvider;
  WebSocket: WebSocketConstructor;
  /** Stops the server; call when the story unmounts. */
  stop(): void;
}

/** What a script can do with one connected socket. */
export interface AgentSocket {
  /** 1-based: the how-manieth connection this is. */
  readonly connection: number;
  /** Streams `text` a few words at a time, then ends the answer. */
  streamAnswer(text: string, options?: { chunkWords?: number; intervalMs?: number }): Promise<void>;
  /** Closes from the agent's side, e.g. with 1008 or 1009. */
  close(code: number, reason: string): void;
}

/** How a scripted agent behaves. */
export interface AgentScript {
  /** Runs when a socket connects. */
  onConnect?(socket: AgentSocket): void;
  /** Runs for every message the user sends (the `inputText` of the frame). */
  onMessage?(text: string, socket: AgentSocket): void;
  /** Delay before the URL provider answers, per call (1-based). Default 0. */
  providerDelayMs?(call: number): number;
}

let agents = 0;

function inputText(data: unknown): string {
  try {
    const parsed = JSON.parse(String(data)) as { inputText?: unknown };
    return typeof parsed.inputText === "string" ? parsed.inputText : String(data);
  } catch {
    return String(data);
  }
}

function wrap(client: Client, connection: number, isStopped: () => boolean): AgentSocket {
  let open = true;
  client.on("close", () => {
    open = false;
  });
  return {
    connection,
    async streamAnswer(text, { chunkWords = 2, intervalMs = 60 } = {}) {
      const words = text.split(/(?<= )/);
      for (let i = 0; i < words.length; i += chunkWords) {
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
        if (!open || isStopped()) return;
        client.send(JSON.stringify({ text: words.slice(i, i + chunkWords).join("") }));
      }
      if (open && !isStopped()) client.send(JSON.stringify({ done: true }));
    },
    close(code, reason) {
      if (open) client.close({ code, reason, wasClean: true });
    },
  };
}

/** Starts a scripted agent; each one listens on its own in-memory URL. */
export function startMockAgent(script: AgentScript): MockAgent {
  agents += 1;
  const url = `ws://mock-agent.test/${agents}`;
  const server = new Server(url);
  let stopped = false;
  let connections = 0;
  let providerCalls = 0;

  server.on("connection", (client) => {
    connections += 1;
    const socket = wrap(client, connections, () => stopped);
    client.on("message", (data) => script.onMessage?.(inputText(data), socket));
    script.onConnect?.(socket);
  });

  const urlProvider: UrlProvider = async ({ sessionId, signal }): Promise<PresignedConnection> => {
    providerCalls += 1;
    const delay = script.providerDelayMs?.(providerCalls) ?? 0;
    if (delay > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delay);
        signal.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    }
    return { url, sessionId, expiresAt: Date.now() + 300_000 };
  };

  return {
    urlProvider,
    WebSocket: MockWebSocket as unknown as WebSocketConstructor,
    stop() {
      stopped = true;
      server.stop();
    },
  };
}

/** Answers every message by streaming a reply. */
export const echoScript: AgentScript = {
  onMessage: (text, socket) =>
    void socket.streamAnswer(
      `You said: “${text}”. This answer comes from a scripted agent over an in-memory WebSocket, through the real hook and connection.`,
    ),
};
