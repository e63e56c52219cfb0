import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentRuntimeConnection } from "../connection/agent-runtime-connection";
import { deliveryProtocol } from "../connection/delivery-link";
import {
  manualOnlineSource,
  recordingWebSocket,
  scriptedProvider,
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "../connection/test-utils/harness";
import type { ChatMessage } from "./types";
import { RELOADED_ANSWER } from "./message-status";
import { createConversationStore } from "./create-conversation-store";
import { ConversationOpenElsewhereError, ConversationRestoringError } from "./errors";
import { PERSISTED_CONVERSATION_VERSION, type PersistedConversation } from "./persistence";
import { FakePersistence } from "./test-utils/fake-persistence";

const KEY = "chat-1";
const SESSION = `kept-session-${"k".repeat(30)}`;

let runtime: MockRuntime;
beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});
afterEach(async () => {
  await stopFakeClockAndRuntime(runtime);
});

/** A store with `persist` on `storage`, building a real connection (delivery on by default). */
function persistedStore(
  storage: FakePersistence,
  { delivery = true, hold = true, saveEveryMs = undefined as number | undefined } = {},
) {
  const provider = scriptedProvider();
  const store = createConversationStore({
    connection: (init) =>
      new AgentRuntimeConnection({
        urlProvider: provider.provider,
        WebSocket: recordingWebSocket().WebSocket,
        onlineSource: manualOnlineSource().source,
        retry: { random: () => 0.5 },
        ...(delivery ? { delivery: deliveryProtocol() } : {}),
        ...init,
      }),
    persist: { storage, key: KEY, ...(saveEveryMs === undefined ? {} : { saveEveryMs }) },
  });
  const release = hold ? store.subscribe(() => {}) : () => {};
  return { store, release, provider };
}

/**
 * Waits until the kept record is read (the keeper loads with import()) and the stream opened.
 * The first import() transforms the keeper's modules: on a loaded machine that alone can take
 * longer than waitFor's default second.
 */
async function restored(store: { readonly connection: unknown }): Promise<void> {
  await vi.waitFor(() => expect(store.connection).not.toBeNull(), { timeout: 15_000 });
  await settle();
}

const message = (fields: Partial<ChatMessage> & Pick<ChatMessage, "id" | "role">): ChatMessage => ({
  text: "",
  parts: fields.text ? [{ type: "text", text: fields.text }] : [],
  status: "complete",
  createdAt: 1,
  ...fields,
});

/** A kept conversation: "Hi", and an answer cut at "Hello wor" while streaming. */
function keptRecord(extra: Partial<PersistedConversation> = {}): PersistedConversation {
  return {
    version: PERSISTED_CONVERSATION_VERSION,
    key: KEY,
    sessionId: SESSION,
    messages: [
      message({ id: "u-1", role: "user", text: "Hi" }),
      message({ id: "a-1", role: "assistant", text: "Hello wor", status: "streaming" }),
    ],
    outbox: [],
    delivery: { epoch: "e1", applied: 7 },
    savedAt: 1,
    ...extra,
  };
}

const envelope = (seq: number, text: string) => `${seq}:${JSON.stringify({ text })}`;
const acks = () => runtime.received.filter((frame) => frame.startsWith("@ack"));

describe("createConversationStore with persist", () => {
  it("restores messages, session and position: the stream resumes and the answer carries on", async () => {
    const storage = new FakePersistence();
    storage.records.set(KEY, keptRecord());
    const { store, provider } = persistedStore(storage);
    await restored(store);
    expect(runtime.received[0]).toBe("@resume e1 7");
    expect(provider.calls[0]?.sessionId).toBe(SESSION);
    expect(store.getState().connection.sessionId).toBe(SESSION);
    expect(store.getState().messages.map((m) => [m.text, m.status])).toEqual([
      ["Hi", "complete"],
      ["Hello wor", "streaming"],
    ]);
    runtime.latest().send("@hello e1 7");
    runtime.latest().send(envelope(8, "ld"));
    runtime.latest().send(`9:${JSON.stringify({ done: true })}`);
    await settle();
    const answer = store.getState().messages[1];
    expect(answer).toMatchObject({ id: "a-1", text: "Hello world", status: "complete" });
    expect(store.getState().messages).toHaveLength(2);
  });

  it("sends the kept outbox again after @hello, with the same ids", async () => {
    const storage = new FakePersistence();
    const pending = message({ id: "m-2", role: "user", text: "And then?", status: "pending" });
    storage.records.set(
      KEY,
      keptRecord({
        messages: [message({ id: "u-1", role: "user", text: "Hi" }), pending],
        outbox: [{ id: "m-2", message: "And then?" }],
      }),
    );
    const { store } = persistedStore(storage);
    await restored(store);
    expect(runtime.received).toEqual(["@resume e1 7"]);
    runtime.latest().send("@hello e1 7");
    await settle();
    expect(runtime.received[1]).toBe(`@msg m-2 ${JSON.stringify({ inputText: "And then?" })}`);
    expect(store.getState().messages.map((m) => m.id)).toEqual(["u-1", "m-2"]);
    expect(store.getState().messages[1]?.status).toBe("complete");
  });

  it("never acknowledges a frame whose result is not saved yet", async () => {
    const storage = new FakePersistence();
    const { store } = persistedStore(storage);
    await restored(store);
    const letThrough = storage.holdSaves();
    runtime.latest().send("@hello e1 0");
    for (let seq = 1; seq <= 40; seq++) runtime.latest().send(envelope(seq, `${seq} `));
    await settle(2_000);
    expect(acks()).toEqual([]);
    letThrough();
    await settle(300);
    expect(acks().at(-1)).toBe("@ack 40");
    const saved = storage.records.get(KEY);
    expect(saved?.delivery).toEqual({ epoch: "e1", applied: 40 });
    const expected = Array.from({ length: 40 }, (_, index) => `${index + 1} `).join("");
    expect(saved?.messages.at(-1)?.text).toBe(expected);
  });

  it("after a drop, resumes from the last saved sequence and drops the replay it already has", async () => {
    const storage = new FakePersistence();
    const { store } = persistedStore(storage);
    await restored(store);
    const letThrough = storage.holdSaves();
    runtime.latest().send("@hello e1 0");
    for (const [seq, text] of [
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ] as const) {
      runtime.latest().send(envelope(seq, text));
    }
    await settle(300);
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    expect(runtime.received.at(-1)).toBe("@resume e1 0");
    runtime.latest().send("@hello e1 0");
    for (const [seq, text] of [
      [1, "a"],
      [2, "b"],
      [3, "c"],
      [4, "d"],
    ] as const) {
      runtime.latest().send(envelope(seq, text));
    }
    await settle();
    letThrough();
    await settle(300);
    const shown = store.getState().messages.map(({ text, status }) => [text, status]);
    expect(shown).toEqual([["abcd", "streaming"]]);
  });

  it("refuses to send while the kept conversation is still being read", async () => {
    const { store } = persistedStore(new FakePersistence());
    expect(() => store.send("Too soon")).toThrow(ConversationRestoringError);
    await restored(store);
    expect(() => store.send("Now")).not.toThrow();
  });

  it("let go while it is being restored: builds no connection and lets the key go", async () => {
    const storage = new FakePersistence();
    storage.records.set(KEY, keptRecord());
    const { store, release } = persistedStore(storage);
    release();
    await vi.waitFor(() => expect(storage.loads).toBe(1));
    await settle(300);
    expect(store.connection).toBeNull();
    expect(runtime.clients).toHaveLength(0);
    expect(storage.claimed.has(KEY)).toBe(false);
    expect(store.getState().messages).toEqual([]);
  });

  it("restores and connects on connect() alone, without a subscriber", async () => {
    const storage = new FakePersistence();
    storage.records.set(KEY, keptRecord());
    const { store } = persistedStore(storage, { hold: false });
    store.connect();
    await restored(store);
    expect(runtime.received[0]).toBe("@resume e1 7");
    expect(store.getState().messages).toHaveLength(2);
  });

  it("refuses a key another tab holds: no connection, no write, and a typed error", async () => {
    const storage = new FakePersistence();
    storage.records.set(KEY, keptRecord());
    storage.takenElsewhere(KEY);
    const { store } = persistedStore(storage);
    await vi.waitFor(() => expect(store.getState().connection.status).toBe("failed"));
    const state = store.getState();
    expect(state.connection.status).toBe("failed");
    expect(state.error).toBeInstanceOf(ConversationOpenElsewhereError);
    expect(state.error?.message).toMatch(/open in another tab/);
    expect(runtime.clients).toHaveLength(0);
    expect(() => store.send("Hi")).toThrow(ConversationOpenElsewhereError);
    expect(storage.saves).toEqual([]);
  });

  it("without delivery, restores messages, outbox and session, and ends the cut answer interrupted", async () => {
    const storage = new FakePersistence();
    storage.records.set(
      KEY,
      keptRecord({ delivery: undefined, outbox: [{ id: "m-2", message: "More" }] }),
    );
    const { store } = persistedStore(storage, { delivery: false });
    await restored(store);
    const [, answer, queued] = store.getState().messages;
    expect(answer).toMatchObject({ text: "Hello wor", status: "error", error: RELOADED_ANSWER });
    expect(store.getState().isStreaming).toBe(false);
    expect(queued?.id).toBe("m-2");
    expect(store.getState().connection.sessionId).toBe(SESSION);
    expect(runtime.received).toEqual([JSON.stringify({ inputText: "More" })]);
  });

  it("saves a message the moment it is sent, not when the throttle next runs", async () => {
    const storage = new FakePersistence();
    const { store } = persistedStore(storage, { saveEveryMs: 60_000 });
    await restored(store);
    runtime.latest().send("@hello e1 0");
    await settle(100);
    const before = storage.saves.length;
    const id = store.send("Right away");
    await settle(50); // one animation frame, far from the 60 s throttle
    expect(storage.saves.length).toBe(before + 1);
    expect(storage.last()?.messages.map(({ text }) => text)).toEqual(["Right away"]);
    expect(storage.last()?.outbox.map((entry) => entry.id)).toEqual([id]);
    // Text streaming in afterwards waits for the throttle.
    runtime.latest().send(envelope(1, "Hello"));
    await settle(100);
    expect(storage.saves.length).toBe(before + 1);
  });

  it("saves what the agent may not have, and lets the key go when the store is released", async () => {
    const storage = new FakePersistence();
    const { store, release } = persistedStore(storage);
    await restored(store);
    const id = store.send("Hi");
    await settle(300);
    expect(storage.last()?.outbox).toEqual([{ id, message: "Hi" }]);
    runtime.latest().send("@hello e1 0");
    await settle(300);
    const sent = storage.last()?.outbox[0];
    expect(sent).toMatchObject({ id, message: "Hi" });
    expect(sent?.frame).toMatch(new RegExp(`^@msg ${id} `));
    runtime.latest().send(`@got ${id}`);
    runtime.latest().send(envelope(1, "Hello"));
    await settle(300);
    expect(storage.last()).toMatchObject({ outbox: [], delivery: { epoch: "e1", applied: 1 } });
    expect(storage.claimed.has(KEY)).toBe(true);
    runtime.latest().send(envelope(2, " there"));
    release();
    await settle(300);
    expect(storage.claimed.has(KEY)).toBe(false);
    expect(storage.last()?.messages.at(-1)?.text).toBe("Hello there");
    expect(store.getState().messages).toEqual([]); // released: the idle placeholder again
  });
});
