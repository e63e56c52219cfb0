import type { AgentEvent } from "../codecs/types";
import type { ChatMessage, ConversationState } from "./types";
import { FakeConnection } from "./test-utils/fake-connection";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

type Store = { getState(): ConversationState };

const answer = (messageId: string, text: string): AgentEvent[] => [
  { type: "message-start", messageId, role: "assistant" },
  { type: "text-delta", messageId, delta: text },
  { type: "message-end", messageId },
];

/** `role: text` per message shown, with `[index/count]` on the first message of a version. */
const shown = (state: ConversationState) =>
  state.messages.map(({ role, text, branch }: ChatMessage) =>
    branch ? `${role}: ${text} [${branch.index + 1}/${branch.count}]` : `${role}: ${text}`,
  );

/** An open conversation with `turns` answered questions ("q1" -> "a1", ...). */
function answered(...turns: string[]) {
  const under = setup();
  under.connection.open();
  turns.forEach((turn, index) => {
    under.store.send(`q${turn}`);
    under.connection.emit(...answer(`answer-${index}`, `a${turn}`));
  });
  return under;
}

const idOf = (store: Store, text: string) =>
  store.getState().messages.find((message) => message.text === text)!.id;

describe("createConversationStore: regenerate, edit and branches", () => {
  it("regenerate sends the turn's message again as a new version; the old one stays a branch", () => {
    const { store, connection } = answered("1");
    const sent = connection.getSnapshot().outbox.length;
    const id = store.regenerate(idOf(store, "a1"));
    expect(id).toEqual(expect.any(String));
    expect(connection.getSnapshot().outbox.slice(sent)).toEqual([
      expect.objectContaining({ id, message: "q1", status: "sent" }),
    ]);
    expect(shown(store.getState())).toEqual(["user: q1 [2/2]"]);

    connection.emit(...answer("answer-again", "a1 again"));
    expect(shown(store.getState())).toEqual(["user: q1 [2/2]", "assistant: a1 again"]);

    store.selectBranch(id!, 0);
    expect(shown(store.getState())).toEqual(["user: q1 [1/2]", "assistant: a1"]);
    store.selectBranch(idOf(store, "q1"), 1);
    expect(shown(store.getState())).toEqual(["user: q1 [2/2]", "assistant: a1 again"]);
  });

  it("edit sends the edited message; the old turn and everything after it become a branch", () => {
    const { store, connection } = answered("1", "2", "3");
    const id = store.editAndResend(idOf(store, "q2"), "q2 edited");
    expect(connection.getSnapshot().outbox.at(-1)).toMatchObject({ id, message: "q2 edited" });
    connection.emit(...answer("answer-edited", "a2 edited"));
    expect(shown(store.getState())).toEqual([
      "user: q1",
      "assistant: a1",
      "user: q2 edited [2/2]",
      "assistant: a2 edited",
    ]);

    store.selectBranch(id!, 0);
    expect(shown(store.getState())).toEqual([
      "user: q1",
      "assistant: a1",
      "user: q2 [1/2]",
      "assistant: a2",
      "user: q3",
      "assistant: a3",
    ]);
  });

  it("keeps the identity of the messages before the branch", () => {
    const { store } = answered("1", "2");
    const [q1, a1] = store.getState().messages;
    store.regenerate(idOf(store, "a2"));
    expect(store.getState().messages[0]).toBe(q1);
    expect(store.getState().messages[1]).toBe(a1);
  });

  it("a third version, and versions within versions, each page on their own", () => {
    const { store, connection } = answered("1", "2");
    store.regenerate(idOf(store, "a1"));
    connection.emit(...answer("b1", "b1"));
    const third = store.editAndResend(idOf(store, "b1"), "q1 third")!;
    connection.emit(...answer("c1", "c1"));
    expect(shown(store.getState())).toEqual(["user: q1 third [3/3]", "assistant: c1"]);

    store.selectBranch(third, 0);
    store.regenerate(idOf(store, "a2"));
    connection.emit(...answer("b2", "b2"));
    expect(shown(store.getState())).toEqual([
      "user: q1 [1/3]",
      "assistant: a1",
      "user: q2 [2/2]",
      "assistant: b2",
    ]);
    store.selectBranch(idOf(store, "q1"), 2);
    store.selectBranch(third, 0);
    // The inner choice is remembered.
    expect(shown(store.getState()).at(-1)).toBe("assistant: b2");
  });

  it("a message sent while an old version is shown continues that version", () => {
    const { store, connection } = answered("1");
    const again = store.regenerate(idOf(store, "a1"))!;
    connection.emit(...answer("b1", "b1"));
    store.selectBranch(again, 0);
    store.send("follow-up");
    connection.emit(...answer("f", "on the first version"));
    expect(shown(store.getState())).toEqual([
      "user: q1 [1/2]",
      "assistant: a1",
      "user: follow-up",
      "assistant: on the first version",
    ]);
    store.selectBranch(idOf(store, "q1"), 1);
    expect(shown(store.getState())).toEqual(["user: q1 [2/2]", "assistant: b1"]);
  });

  it("regenerates an interrupted or stopped answer", () => {
    const { store, connection } = answered();
    store.send("q");
    connection.emit({ type: "message-start", messageId: "cut", role: "assistant" });
    connection.emit({ type: "text-delta", messageId: "cut", delta: "half" });
    connection.drop();
    expect(store.getState().messages[1]?.status).toBe("error");
    connection.open();
    expect(store.regenerate("cut")).toEqual(expect.any(String));
    expect(connection.getSnapshot().outbox.at(-1)?.message).toBe("q");

    connection.emit({ type: "message-start", messageId: "stopped", role: "assistant" });
    store.stop();
    expect(store.regenerate("stopped")).toEqual(expect.any(String));
  });

  it("does nothing while an answer streams or a message waits to be sent: nothing queued is lost", () => {
    const { store, connection } = answered("1");
    const a1 = idOf(store, "a1");
    store.send("q2");
    connection.emit({ type: "text-delta", delta: "streaming" });
    const before = store.getState();
    expect(store.regenerate(a1)).toBeNull();
    expect(store.editAndResend(a1, "x")).toBeNull();
    store.selectBranch(idOf(store, "q1"), 0);
    expect(store.getState().messages).toBe(before.messages);

    connection.emit({ type: "run-finished" });
    connection.drop();
    const queued = store.send("queued while offline");
    expect(store.regenerate(a1)).toBeNull();
    expect(shown(store.getState()).at(-1)).toBe("user: queued while offline");
    connection.open();
    expect(connection.getSnapshot().outbox.find((entry) => entry.id === queued)?.status).toBe(
      "sent",
    );
  });

  it("returns null for an unknown message, a hidden one, or a turn it did not send", () => {
    const { store, connection } = answered("1");
    expect(store.regenerate("nope")).toBeNull();
    const q1 = idOf(store, "q1");
    store.regenerate(q1);
    connection.emit(...answer("b1", "b1"));
    expect(store.regenerate("answer-0")).toBeNull();
    connection.emit({
      type: "messages-snapshot",
      messages: [{ id: "greeting", role: "assistant", text: "Hi" }],
    });
    expect(store.regenerate("greeting")).toBeNull();
  });

  it("a refused send rethrows and shows the old version again, without a branch", () => {
    const { store, connection, errors } = answered("1");
    const before = shown(store.getState());
    const refused = new RangeError("frame too large");
    connection.nextSendError = refused;
    expect(() => store.editAndResend(idOf(store, "q1"), "x".repeat(40_000))).toThrow(refused);
    expect(shown(store.getState())).toEqual(before);
    expect(errors).toEqual([refused]);
    expect(store.getState().messages[0]?.branch).toBeUndefined();
  });

  it("a messages snapshot rewrites the version shown and keeps the others", () => {
    const { store, connection, frames } = answered("1");
    const q1 = idOf(store, "q1");
    const again = store.regenerate("answer-0")!;
    connection.emit({
      type: "messages-snapshot",
      messages: [
        { id: again, role: "user", text: "q1" },
        { id: "b1", role: "assistant", text: "b1 from the agent" },
      ],
    });
    frames.frame();
    expect(shown(store.getState())).toEqual(["user: q1 [2/2]", "assistant: b1 from the agent"]);
    store.selectBranch(again, 0);
    expect(store.getState().messages.map((message) => message.id)).toEqual([q1, "answer-0"]);
  });

  it("resends what was sent, not its text: other message types go out as they were", () => {
    const connection = new FakeConnection<{ inputText: string; priority: number }>();
    const { store } = setup(connection);
    connection.open();
    store.send({ inputText: "hi", priority: 2 });
    connection.emit(...answer("a", "hello"));
    store.regenerate("a");
    expect(connection.getSnapshot().outbox.at(-1)?.message).toEqual({
      inputText: "hi",
      priority: 2,
    });
  });
});
