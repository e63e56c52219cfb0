import type { UIMessage, UIMessageChunk } from "ai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACK_EVERY_FRAMES } from "../../connection/delivery";
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
import { STATUS_PART_TYPE } from "./status-part";
import { agentCoreTransport, type AgentCoreChatTransport } from "./transport";

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(async () => {
  await stopFakeClockAndRuntime(runtime);
});

const CHAT = "chat-1";
const KEY = `ai-sdk:${CHAT}`;
const envelope = (seq: number, text: string) => `${seq}:${JSON.stringify({ text })}`;
const done = (seq: number) => `${seq}:${JSON.stringify({ type: "done" })}`;

/**
 * A transport on the mock runtime with delivery on and `resume` over `storage`: one "page". Its
 * claim is always granted: a page before it died, and its claim with it.
 */
function page(storage: ConversationPersistence): AgentCoreChatTransport {
  const claim = () => Promise.resolve({ release: () => undefined });
  return agentCoreTransport({
    urlProvider: scriptedProvider().provider,
    WebSocket: recordingWebSocket().WebSocket,
    onlineSource: manualOnlineSource().source,
    retry: { random: () => 0.5 },
    delivery: deliveryProtocol(),
    resume: { storage: { ...storage, claim } },
  });
}

function ask(transport: AgentCoreChatTransport, text: string) {
  const messages: UIMessage[] = [{ id: "u1", role: "user", parts: [{ type: "text", text }] }];
  return transport.sendMessages({
    trigger: "submit-message",
    chatId: CHAT,
    messageId: undefined,
    messages,
    abortSignal: undefined,
  });
}

/** Reads a stream to its end in the background; `content()` leaves the status parts out. */
function reader(stream: ReadableStream<UIMessageChunk>) {
  const chunks: UIMessageChunk[] = [];
  let ended = false;
  void (async () => {
    const read = stream.getReader();
    for (let next = await read.read(); !next.done; next = await read.read()) {
      chunks.push(next.value);
    }
    ended = true;
  })();
  return {
    get ended() {
      return ended;
    },
    content: () => chunks.filter((chunk) => chunk.type !== STATUS_PART_TYPE),
    text: () =>
      chunks.flatMap((chunk) => (chunk.type === "text-delta" ? [chunk.delta] : [])).join(""),
  };
}

/** The `@ack`s the agent got, as numbers. */
const acks = () => runtime.received.flatMap((frame) => /^@ack (\d+)$/.exec(frame)?.[1] ?? []);

/** Asks on a fresh page and lets the agent's `@hello` and `count` envelopes of answer arrive. */
async function answerInFlight(storage: ConversationPersistence, count: number) {
  const transport = page(storage);
  const read = reader(await ask(transport, "Hi"));
  await settle();
  runtime.latest().send("@hello e1 0");
  await settle();
  for (let seq = 1; seq <= count; seq += 1) runtime.latest().send(envelope(seq, `w${seq} `));
  await settle();
  return { transport, read };
}

describe("agentCoreTransport({ resume })", () => {
  it("keeps a record of the answer in flight and acknowledges nothing beyond its start", async () => {
    const storage = memoryPersistence();
    const count = ACK_EVERY_FRAMES + 8;
    const { transport, read } = await answerInFlight(storage, count);
    const [question] = transport.connection.getSnapshot().outbox;
    expect(await storage.load(KEY)).toMatchObject({
      sessionId: transport.connection.sessionId,
      messages: [],
      outbox: [{ id: question?.id, message: "Hi" }],
      delivery: { epoch: "e1", applied: 0 },
    });
    await settle(5_000);
    expect(acks().every((seq) => seq === "0")).toBe(true);
    expect(read.text()).toBe(Array.from({ length: count }, (_, i) => `w${i + 1} `).join(""));

    // The answer ends: the record goes, then everything applied is acknowledged.
    runtime.latest().send(done(count + 1));
    await settle();
    expect(read.ended).toBe(true);
    expect(read.content().at(-1)).toEqual({ type: "finish" });
    expect(await storage.load(KEY)).toBeUndefined();
    expect(acks().at(-1)).toBe(String(count + 1));
    expect(transport.resumeStreamIsReplay).toBe(true);
  });

  it("gives the answer the question's outbox id as its message id", async () => {
    const { transport, read } = await answerInFlight(memoryPersistence(), 1);
    const id = transport.connection.getSnapshot().outbox[0]?.id;
    expect(read.content()[0]).toEqual({ type: "start", messageId: id });
  });

  it("after a reload, resumes on the kept session and replays the answer from its start", async () => {
    const storage = memoryPersistence();
    const before = await answerInFlight(storage, 3);
    const { sessionId } = before.transport.connection;
    const { id } = (await storage.load(KEY))?.outbox[0] ?? {};

    // A new page: a new transport and connection over the same storage.
    const after = page(storage);
    const first = after.connection;
    const stream = await after.reconnectToStream({ chatId: CHAT });
    expect(stream).not.toBeNull();
    const read = reader(stream!);
    expect(after.connection).not.toBe(first);
    expect(after.connection.sessionId).toBe(sessionId);
    await settle();
    const resumed = runtime.latest();
    expect(runtime.received.at(-1)).toBe("@resume e1 0");
    resumed.send("@hello e1 0");
    await settle();
    // The question goes again under its id (the agent drops a copy it has).
    expect(runtime.received.at(-1)).toMatch(new RegExp(`^@msg ${id} `));
    resumed.send(`@got ${id}`);
    for (let seq = 1; seq <= 5; seq += 1) resumed.send(envelope(seq, `w${seq} `));
    resumed.send(done(6));
    await settle();
    expect(read.ended).toBe(true);
    expect(read.content()[0]).toEqual({ type: "start", messageId: id });
    expect(read.text()).toBe("w1 w2 w3 w4 w5 ");
    expect(read.content().at(-1)).toEqual({ type: "finish" });
    expect(await storage.load(KEY)).toBeUndefined();
    expect(acks().at(-1)).toBe("6");
  });

  it("resumes nothing when nothing was in flight, or the answer had finished", async () => {
    const storage = memoryPersistence();
    await expect(page(storage).reconnectToStream({ chatId: CHAT })).resolves.toBeNull();

    const { read } = await answerInFlight(storage, 2);
    runtime.latest().send(done(3));
    await settle();
    expect(read.ended).toBe(true);
    const reloaded = page(storage);
    const { connection } = reloaded;
    await expect(reloaded.reconnectToStream({ chatId: CHAT })).resolves.toBeNull();
    expect(reloaded.connection).toBe(connection);
    expect(connection.getSnapshot().status).toBe("idle");
  });

  it("on one page, hands the answer in flight out again from its start", async () => {
    const { transport, read } = await answerInFlight(memoryPersistence(), 2);
    const again = reader((await transport.reconnectToStream({ chatId: CHAT }))!);
    await settle();
    runtime.latest().send(envelope(3, "w3 "));
    runtime.latest().send(done(4));
    await settle();
    expect(again.text()).toBe("w1 w2 w3 ");
    expect(again.content()).toEqual(read.content());
    await expect(transport.reconnectToStream({ chatId: CHAT })).resolves.toBeNull();
  });

  it("reads the record once when useChat asks twice (StrictMode), and gives the answer to the last", async () => {
    const storage = memoryPersistence();
    await answerInFlight(storage, 1);
    const after = page(storage);
    const superseded = new AbortController();
    const firstCall = after.reconnectToStream({ chatId: CHAT, abortSignal: superseded.signal });
    superseded.abort();
    const secondCall = after.reconnectToStream({ chatId: CHAT });
    await expect(firstCall).resolves.toBeNull();
    const read = reader((await secondCall)!);
    await settle();
    expect(runtime.received.filter((frame) => frame.startsWith("@resume e1"))).toHaveLength(1);
    runtime.latest().send("@hello e1 0");
    runtime.latest().send(envelope(1, "w1 "));
    runtime.latest().send(done(2));
    await settle();
    expect(read.text()).toBe("w1 ");
    expect(read.ended).toBe(true);
  });

  it("stops the answer for real on abort and forgets it", async () => {
    const storage = memoryPersistence();
    const transport = page(storage);
    const stop = new AbortController();
    const messages: UIMessage[] = [
      { id: "u1", role: "user", parts: [{ type: "text", text: "Hi" }] },
    ];
    const read = reader(
      await transport.sendMessages({
        trigger: "submit-message",
        chatId: CHAT,
        messageId: undefined,
        messages,
        abortSignal: stop.signal,
      }),
    );
    await settle();
    runtime.latest().send("@hello e1 0");
    runtime.latest().send(envelope(1, "w1 "));
    await settle();
    stop.abort();
    await settle();
    expect(read.ended).toBe(true);
    expect(await storage.load(KEY)).toBeUndefined();
  });
});
