import type { AgentEvent } from "../codecs/types";
import {
  ConversationHandle,
  ConversationReleasedError,
  type ConversationHandleSettings,
} from "./conversation-handle";
import { FakeConnection } from "./test-utils/fake-connection";

const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function setup(settings: Partial<ConversationHandleSettings> = {}) {
  const created: FakeConnection[] = [];
  const current: ConversationHandleSettings = { connect: "eager", ...settings };
  const handle = new ConversationHandle<string>({
    createConnection: () => {
      const connection = new FakeConnection();
      created.push(connection);
      return connection;
    },
    settings: () => current,
    placeholderSessionId: "p".repeat(40),
  });
  return { handle, created, settings: current };
}

describe("ConversationHandle", () => {
  it("creates nothing until it is used, and reads as an idle empty conversation", () => {
    const { handle, created } = setup();
    expect(created).toHaveLength(0);
    expect(handle.connection).toBeNull();
    expect(handle.getState()).toMatchObject({
      messages: [],
      error: null,
      isStreaming: false,
      connection: { status: "idle", sessionId: "p".repeat(40), outbox: [] },
    });
    expect(handle.getState()).toBe(handle.getState());
  });

  it("creates the connection once for all holders and tells subscribers", () => {
    const { handle, created } = setup();
    const placeholder = handle.getState();
    const listener = vi.fn();
    handle.subscribe(listener);
    handle.acquire();
    handle.acquire();
    expect(created).toHaveLength(1);
    expect(handle.connection).toBe(created[0]);
    expect(listener).toHaveBeenCalledWith(handle.getState(), placeholder);
  });

  it("closes a microtask after the last release, unless someone acquires first", async () => {
    const { handle, created } = setup();
    handle.acquire();
    handle.release();
    handle.acquire(); // StrictMode's re-mount
    await microtask();
    expect(created[0]!.calls).not.toContain("close");

    handle.release();
    expect(created[0]!.calls).not.toContain("close");
    await microtask();
    expect(created[0]!.calls).toContain("close");
    expect(created[0]!.listenerCount).toBe(0);
    expect(handle.connection).toBeNull();
  });

  it("refuses to send once released, ignores other actions, and starts afresh on a new acquire", async () => {
    const { handle, created } = setup();
    handle.acquire();
    handle.release();
    await microtask();
    expect(() => handle.send("late")).toThrow(ConversationReleasedError);
    handle.stop();
    handle.reconnect();
    expect(created).toHaveLength(1);

    handle.acquire();
    expect(created).toHaveLength(2);
    expect(handle.send("again")).toMatch(/^out-/);
  });

  it("connectIfIdle connects a fresh connection only", () => {
    const { handle, created } = setup();
    handle.connectIfIdle();
    handle.connectIfIdle();
    expect(created[0]!.calls).toEqual(["connect"]);
  });

  it.each([
    ["eager", ["connect", "send"]],
    ["on-send", ["connect", "send"]],
    ["manual", ["send"]],
  ] as const)("send() with connect %s calls %j", (connect, calls) => {
    const { handle, created } = setup({ connect });
    handle.send("hi");
    expect(created[0]!.calls).toEqual(calls);
  });

  it("send() reopens a closed or failed connection unless the mode is manual", () => {
    const { handle, created, settings } = setup({ connect: "on-send" });
    handle.acquire();
    handle.close();
    handle.send("after close");
    expect(created[0]!.calls).toEqual(["close", "connect", "send"]);
    created[0]!.drop("failed");
    settings.connect = "manual";
    handle.send("manual");
    expect(created[0]!.calls).toEqual(["close", "connect", "send", "send"]);
  });

  it("publishes a connection that cannot be created as a failed conversation instead of throwing", () => {
    const invalid = new RangeError("sessionId must be 33-256 characters");
    const onError = vi.fn();
    let attempts = 0;
    const handle = new ConversationHandle<string>({
      createConnection: () => {
        attempts += 1;
        throw invalid;
      },
      settings: () => ({ connect: "eager", onError }),
    });
    const listener = vi.fn();
    handle.subscribe(listener);
    expect(() => handle.acquire()).not.toThrow();
    expect(() => handle.connectIfIdle()).not.toThrow();
    expect(handle.getState()).toMatchObject({
      error: invalid,
      connection: { status: "failed", error: invalid, reason: invalid.message },
    });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(() => handle.send("x")).toThrow(invalid);
    handle.stop();
    expect(attempts).toBe(1);
    expect(handle.connection).toBeNull();
  });

  it("forwards finished messages, errors and raw events to the current settings and listeners", () => {
    const { handle, created, settings } = setup();
    const onMessage = vi.fn();
    const onError = vi.fn();
    const onEvent = vi.fn<(event: AgentEvent) => void>();
    const finished = vi.fn();
    handle.onMessageFinished(finished);
    handle.acquire();
    Object.assign(settings, { onMessage, onError, onEvent });
    created[0]!.emit(
      { type: "text-delta", delta: "x" },
      { type: "message-end" },
      { type: "custom", name: "progress", value: 0.5 },
      { type: "error", message: "bad frame" },
    );
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(finished).toHaveBeenCalledWith(onMessage.mock.calls[0]![0]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "bad frame" }));
    expect(onEvent.mock.calls.map(([event]) => event.type)).toEqual([
      "text-delta",
      "message-end",
      "custom",
      "error",
    ]);
  });
});
