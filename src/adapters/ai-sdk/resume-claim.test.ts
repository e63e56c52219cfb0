import type { UIMessage, UIMessageChunk } from "ai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliveryProtocol } from "../../connection/delivery-link";
import {
  manualOnlineSource,
  recordingWebSocket,
  scriptedProvider,
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "../../connection/test-utils/harness";
import { memoryPersistence } from "../../persist/memory";
import type { ConversationPersistence } from "../../store/persistence";
import { RESUME_OFF_PART_TYPE } from "./resume";
import { agentCoreTransport, type AgentCoreChatTransport } from "./transport";

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(async () => {
  await stopFakeClockAndRuntime(runtime);
});

const CHAT = "chat-1";

/** Memory storage whose `claim` says another tab holds every key; counts the saves. */
function heldElsewhere() {
  const storage = memoryPersistence();
  const claimed: string[] = [];
  let saves = 0;
  const fake: ConversationPersistence = {
    kind: storage.kind,
    load: (key) => storage.load(key),
    save: (record) => {
      saves += 1;
      return storage.save(record);
    },
    remove: (key) => storage.remove(key),
    claim: (key) => {
      claimed.push(key);
      return Promise.resolve(null);
    },
  };
  return { storage: fake, claimed, saves: () => saves };
}

function page(storage: ConversationPersistence): AgentCoreChatTransport {
  return agentCoreTransport({
    urlProvider: scriptedProvider().provider,
    WebSocket: recordingWebSocket().WebSocket,
    onlineSource: manualOnlineSource().source,
    retry: { random: () => 0.5 },
    delivery: deliveryProtocol(),
    resume: { storage },
  });
}

function ask(transport: AgentCoreChatTransport, id: string, text: string) {
  const messages: UIMessage[] = [{ id, role: "user", parts: [{ type: "text", text }] }];
  return transport.sendMessages({
    trigger: "submit-message",
    chatId: CHAT,
    messageId: undefined,
    messages,
    abortSignal: undefined,
  });
}

async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const read = stream.getReader();
  for (let next = await read.read(); !next.done; next = await read.read()) chunks.push(next.value);
  return chunks;
}

describe("ai-sdk resume when another tab holds the chat", () => {
  it("keeps no record, resumes nothing and says so once", async () => {
    const { storage, claimed, saves } = heldElsewhere();
    const transport = page(storage);

    const first = readAll(await ask(transport, "u1", "Hi"));
    await settle();
    runtime.latest().send("@hello e1 0");
    await settle();
    runtime.latest().send(`1:${JSON.stringify({ text: "Hello" })}`);
    runtime.latest().send(`2:${JSON.stringify({ type: "done" })}`);
    const chunks = await first;
    const offParts = chunks.filter((chunk) => chunk.type === RESUME_OFF_PART_TYPE);
    expect(offParts).toEqual([
      {
        type: RESUME_OFF_PART_TYPE,
        data: { resume: "off", reason: "claimed-by-another-tab" },
        transient: true,
      },
    ]);
    expect(chunks[0]?.type).toBe("start");
    expect(chunks[1]).toBe(offParts[0]);
    expect(chunks).toContainEqual(expect.objectContaining({ type: "text-delta", delta: "Hello" }));

    const second = readAll(await ask(transport, "u2", "Again"));
    await settle();
    runtime.latest().send(`3:${JSON.stringify({ type: "done" })}`);
    expect((await second).some((chunk) => chunk.type === RESUME_OFF_PART_TYPE)).toBe(false);

    expect(saves()).toBe(0);
    expect(claimed).toEqual([`ai-sdk:${CHAT}`]);
    expect(await transport.reconnectToStream({ chatId: CHAT })).toBeNull();
  });

  it("keeps the record when this tab holds the chat", async () => {
    const storage = memoryPersistence();
    const transport = page(storage);
    const answer = readAll(await ask(transport, "u1", "Hi"));
    await settle();
    runtime.latest().send("@hello e1 0");
    await settle();
    expect(await storage.load(`ai-sdk:${CHAT}`)).toBeDefined();
    runtime.latest().send(`1:${JSON.stringify({ type: "done" })}`);
    expect((await answer).some((chunk) => chunk.type === RESUME_OFF_PART_TYPE)).toBe(false);
  });
});
