import { render, renderHook, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { deliveryProtocol } from "../../src/connection/delivery-link";
import { AgentChat } from "../../src/react/components/agent-chat";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import { ConversationOpenElsewhereError } from "../../src/store/errors";
import { PERSISTED_CONVERSATION_VERSION } from "../../src/store/persistence";
import { FakePersistence } from "../../src/store/test-utils/fake-persistence";
import { mockAgent } from "./mock-socket-harness";

const KEY = "support-chat";
const SESSION = `kept-session-${"k".repeat(30)}`;

/** A storage holding a conversation cut mid-answer at sequence 7 of epoch e1. */
function keptStorage(): FakePersistence {
  const storage = new FakePersistence();
  storage.records.set(KEY, {
    version: PERSISTED_CONVERSATION_VERSION,
    key: KEY,
    sessionId: SESSION,
    messages: [
      {
        id: "u-1",
        role: "user",
        text: "Hi",
        parts: [{ type: "text", text: "Hi" }],
        status: "complete",
        createdAt: 1,
      },
      {
        id: "a-1",
        role: "assistant",
        text: "Hello wor",
        parts: [{ type: "text", text: "Hello wor" }],
        status: "streaming",
        createdAt: 2,
      },
    ],
    outbox: [],
    delivery: { epoch: "e1", applied: 7 },
    savedAt: 2,
  });
  return storage;
}

describe("useAgentRuntimeSocket with persist", () => {
  it("shows the kept conversation, resumes the stream on the kept session and finishes the answer", async () => {
    const agent = mockAgent();
    const storage = keptStorage();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: agent.urlProvider,
          WebSocket: agent.WebSocket,
          delivery: deliveryProtocol(),
          persist: { storage, key: KEY },
        }),
      { wrapper: StrictMode },
    );
    await waitFor(() => expect(agent.received).toEqual(["@resume e1 7"]));
    expect(agent.providerCalls).toEqual([SESSION]);
    expect(agent.constructed).toBe(1);
    expect(result.current.sessionId).toBe(SESSION);
    expect(result.current.messages.map((m) => m.text)).toEqual(["Hi", "Hello wor"]);
    expect(result.current.isStreaming).toBe(true);
    agent.socket.send("@hello e1 7");
    agent.socket.send(`8:${JSON.stringify({ text: "ld" })}`);
    agent.socket.send(`9:${JSON.stringify({ done: true })}`);
    await waitFor(() =>
      expect(result.current.messages[1]).toMatchObject({ text: "Hello world", status: "complete" }),
    );
    await waitFor(() => expect(storage.records.get(KEY)?.delivery?.applied).toBe(9));
    expect(storage.records.get(KEY)?.messages[1]?.text).toBe("Hello world");
  });

  it("saves at once when the page goes away, not only on its throttle", async () => {
    const agent = mockAgent();
    const storage = keptStorage();
    const { result } = renderHook(() =>
      useAgentRuntimeSocket({
        urlProvider: agent.urlProvider,
        WebSocket: agent.WebSocket,
        delivery: deliveryProtocol(),
        persist: { storage, key: KEY, saveEveryMs: 600_000 },
      }),
    );
    await waitFor(() => expect(agent.received).toEqual(["@resume e1 7"]));
    agent.socket.send("@hello e1 7");
    agent.socket.send(`8:${JSON.stringify({ text: "ld" })}`);
    await waitFor(() => expect(result.current.messages[1]?.text).toBe("Hello world"));
    expect(storage.saves).toEqual([]);
    window.dispatchEvent(new Event("pagehide"));
    await waitFor(() => expect(storage.records.get(KEY)?.delivery?.applied).toBe(8));
    expect(storage.records.get(KEY)?.messages[1]).toMatchObject({
      text: "Hello world",
      status: "streaming",
    });
  });

  it("lets the key go when the component unmounts", async () => {
    const agent = mockAgent();
    const storage = keptStorage();
    const { unmount } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: agent.urlProvider,
          WebSocket: agent.WebSocket,
          persist: { storage, key: KEY },
        }),
      { wrapper: StrictMode },
    );
    await waitFor(() => expect(agent.constructed).toBe(1));
    expect(storage.claimed.has(KEY)).toBe(true);
    unmount();
    await waitFor(() => expect(storage.claimed.has(KEY)).toBe(false));
  });
});

describe("<AgentChat persist> on a key another tab holds", () => {
  it("says so in its banner and never connects", async () => {
    const agent = mockAgent();
    const storage = keptStorage();
    storage.takenElsewhere(KEY);
    const errors: Error[] = [];
    render(
      <AgentChat
        urlProvider={agent.urlProvider}
        WebSocket={agent.WebSocket}
        persist={{ storage, key: KEY }}
        onError={(error) => errors.push(error)}
      />,
      { wrapper: StrictMode },
    );
    await waitFor(() =>
      expect(document.querySelector(".acr-connection-banner")?.textContent).toMatch(
        /This conversation is open in another tab/,
      ),
    );
    expect(errors[0]).toBeInstanceOf(ConversationOpenElsewhereError);
    expect(agent.constructed).toBe(0);
    expect(storage.saves).toEqual([]);
  });
});
