import type { AgentEvent } from "../codecs/types";
import { Conversation } from "./conversation";
import { ConversationReleasedError } from "./errors";
import { FakeConnection } from "./test-utils/fake-connection";
import type { ConnectMode } from "./types";

const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const noop = () => {};

function setup(initialMode: ConnectMode = "eager") {
  const created: FakeConnection[] = [];
  const settings = { connect: initialMode };
  const conversation = new Conversation<string>({
    connection: () => {
      const connection = new FakeConnection();
      created.push(connection);
      return connection;
    },
    connect: () => settings.connect,
    placeholderSessionId: "p".repeat(40),
  });
  return { conversation, created, settings };
}

describe("Conversation building its own connection", () => {
  it("creates nothing until it is subscribed to, and reads as an idle empty conversation", () => {
    const { conversation, created } = setup();
    expect(created).toHaveLength(0);
    expect(conversation.connection).toBeNull();
    expect(conversation.getState()).toMatchObject({
      messages: [],
      error: null,
      isStreaming: false,
      connection: { status: "idle", sessionId: "p".repeat(40), outbox: [] },
    });
    expect(conversation.getState()).toBe(conversation.getInitialState());
  });

  it("creates the connection once for all subscribers and tells them", () => {
    const { conversation, created } = setup("manual");
    const placeholder = conversation.getState();
    const listener = vi.fn();
    conversation.subscribe(listener);
    conversation.subscribe(noop);
    expect(created).toHaveLength(1);
    expect(conversation.connection).toBe(created[0]);
    expect(listener).toHaveBeenCalledWith(conversation.getState(), placeholder);
  });

  it("closes a microtask after the last subscriber leaves, unless one subscribes first", async () => {
    const { conversation, created } = setup();
    const first = conversation.subscribe(noop);
    first();
    const second = conversation.subscribe(noop); // StrictMode's re-mount
    await microtask();
    expect(created[0]!.calls).not.toContain("close");

    second();
    second(); // unsubscribing twice counts once
    expect(created[0]!.calls).not.toContain("close");
    await microtask();
    expect(created[0]!.calls).toContain("close");
    expect(created[0]!.listenerCount).toBe(0);
    expect(conversation.connection).toBeNull();
    expect(conversation.getState()).toBe(conversation.getInitialState());
  });

  it("refuses to send once released, ignores other actions, and starts afresh when subscribed again", async () => {
    const { conversation, created } = setup();
    conversation.subscribe(noop)();
    await microtask();
    expect(() => conversation.send("late")).toThrow(ConversationReleasedError);
    conversation.stop();
    conversation.reconnect();
    expect(created).toHaveLength(1);

    conversation.subscribe(noop);
    expect(created).toHaveLength(2);
    expect(conversation.send("again")).toMatch(/^out-/);
  });

  it("connects when first subscribed in eager mode, once", () => {
    const { conversation, created } = setup("eager");
    conversation.subscribe(noop);
    conversation.subscribe(noop);
    expect(created[0]!.calls).toEqual(["connect"]);
  });

  it.each([
    ["on-send", ["connect", "send"]],
    ["manual", ["send"]],
  ] as const)("send() with connect %s calls %j", (connect, calls) => {
    const { conversation, created } = setup(connect);
    conversation.send("hi");
    expect(created[0]!.calls).toEqual(calls);
  });

  it("send() reopens a closed or failed connection unless the mode is manual", () => {
    const { conversation, created, settings } = setup("on-send");
    conversation.subscribe(noop);
    conversation.close();
    conversation.send("after close");
    expect(created[0]!.calls).toEqual(["close", "connect", "send"]);
    created[0]!.drop("failed");
    settings.connect = "manual";
    conversation.send("manual");
    expect(created[0]!.calls).toEqual(["close", "connect", "send", "send"]);
  });

  it("publishes a connection that cannot be created as a failed conversation instead of throwing", () => {
    const invalid = new RangeError("sessionId must be 33-256 characters");
    let attempts = 0;
    const conversation = new Conversation<string>({
      connection: () => {
        attempts += 1;
        throw invalid;
      },
    });
    const onError = vi.fn();
    conversation.onError(onError);
    const listener = vi.fn();
    expect(() => conversation.subscribe(listener)).not.toThrow();
    expect(conversation.getState()).toMatchObject({
      error: invalid,
      connection: { status: "failed", error: invalid, reason: "invalid-options" },
    });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(() => conversation.send("x")).toThrow(invalid);
    conversation.stop();
    expect(attempts).toBe(1);
    expect(conversation.connection).toBeNull();
  });

  it("forwards finished messages, errors and raw events to its listeners", () => {
    const { conversation, created } = setup();
    const finished = vi.fn();
    const errors = vi.fn();
    const events = vi.fn<(event: AgentEvent) => void>();
    conversation.onMessageFinished(finished);
    conversation.onError(errors);
    conversation.onEvent(events);
    conversation.subscribe(noop);
    created[0]!.emit(
      { type: "text-delta", delta: "x" },
      { type: "message-end" },
      { type: "custom", name: "progress", value: 0.5 },
      { type: "error", message: "bad frame" },
    );
    expect(finished).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ message: "bad frame" }));
    expect(events.mock.calls.map(([event]) => event.type)).toEqual([
      "text-delta",
      "message-end",
      "custom",
      "error",
    ]);
  });

  it("keeps a connection it was given open when subscribers leave, and never builds one", async () => {
    const connection = new FakeConnection();
    const conversation = new Conversation<string>({ connection });
    conversation.subscribe(noop)();
    await microtask();
    expect(connection.calls).toEqual([]);
    expect(conversation.connection).toBe(connection);
    conversation.destroy();
    expect(connection.listenerCount).toBe(0);
    expect(connection.calls).toEqual([]);
  });
});
