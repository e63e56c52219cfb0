/**
 * The AI SDK transport over a real connection with `agUiCodec`, against the emulator's AG-UI
 * agent (text, a tool call with its result, more text, RUN_FINISHED), in Node with `ws`.
 */
import WebSocket from "ws";
import type { UIMessageChunk } from "ai";
import { DEMO_CREDENTIALS, startEmulator, type Emulator } from "agentcore-react-emulator";
import { agentCoreTransport } from "../../src/ai-sdk";
import { agUiCodec, type WebSocketConstructor } from "../../src/index";
import { credentialsUrlProvider } from "../../src/signing";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/aisdk_agui-abc";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, agent: "ag-ui" });
});
afterAll(() => emulator.close());

async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
  }
  return chunks;
}

it("streams an AG-UI run as text, tool and finish chunks", async () => {
  const transport = agentCoreTransport({
    urlProvider: credentialsUrlProvider({
      runtimeArn: ARN,
      credentials: DEMO_CREDENTIALS,
      endpoint: emulator.url,
    }),
    codec: agUiCodec,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
  });
  try {
    const stream = await transport.sendMessages({
      trigger: "submit-message",
      chatId: "chat",
      messageId: undefined,
      messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "weather?" }] }],
      abortSignal: undefined,
    });
    const chunks = (await readAll(stream)).filter(
      (chunk) => chunk.type !== "data-agentcore-status",
    );
    const types = chunks.map((chunk) => chunk.type);
    expect(types[0]).toBe("start");
    expect(types.at(-1)).toBe("finish");
    const tool = types.indexOf("tool-input-available");
    expect(tool).toBeGreaterThan(types.indexOf("text-end"));
    expect(types.indexOf("tool-output-available")).toBeGreaterThan(tool);
    expect(chunks[tool]).toMatchObject({
      toolName: "lookup",
      dynamic: true,
      providerExecuted: true,
    });
    // Two text parts, each opened and closed once, with their text in between.
    const starts = chunks.filter((chunk) => chunk.type === "text-start");
    const ends = chunks.filter((chunk) => chunk.type === "text-end");
    expect(starts).toHaveLength(2);
    expect(ends.map((chunk) => chunk.type === "text-end" && chunk.id)).toEqual(
      starts.map((chunk) => chunk.type === "text-start" && chunk.id),
    );
    const text = chunks.map((chunk) => (chunk.type === "text-delta" ? chunk.delta : "")).join("");
    expect(text).toContain("Let me look that up.");
  } finally {
    transport.connection.close();
  }
});
