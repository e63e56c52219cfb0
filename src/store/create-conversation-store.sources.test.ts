import type { AgentEvent, AgentSource } from "../codecs/types";
import { MAX_SOURCES } from "../codecs/sources";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";
import type { ConversationState, MessagePart } from "./types";

const source = (n: number, title = `Page ${n}`): AgentSource => ({
  url: `https://example.com/${n}`,
  title,
});
const sources = (...list: AgentSource[]): AgentEvent => ({ type: "sources", sources: list });

/** A store under test, with `state()`: the state once the pending frame is published. */
function underTest() {
  const test = setup();
  const state = () => {
    test.frames.frame();
    return test.store.getState();
  };
  return { ...test, state };
}

/** Each message as [id, role, text, part types]. */
function shape(state: ConversationState<string>) {
  return state.messages.map((message) => [
    message.id,
    message.role,
    message.text,
    message.parts.map((part) => part.type).join(","),
  ]);
}

function sourcesOf(parts: readonly MessagePart[]): readonly AgentSource[] | undefined {
  const part = parts.find((candidate) => candidate.type === "sources");
  return part?.type === "sources" ? part.sources : undefined;
}

describe("createConversationStore: sources", () => {
  it("lists sources under the answer in progress; text that follows stays one part above them", () => {
    const { connection, store, state } = underTest();
    connection.open();
    store.send("Where?");
    connection.emit({ type: "text-delta", delta: "Here " }, sources(source(1)));
    connection.emit({ type: "text-delta", delta: "and there." }, { type: "message-end" });
    const [, answer] = state().messages;
    expect(answer?.parts).toEqual([
      { type: "text", text: "Here and there." },
      { type: "sources", sources: [source(1)] },
    ]);
    expect(answer?.status).toBe("complete");
  });

  it("opens the answer when sources come first (text codec): its text joins it and its end ends it", () => {
    const { connection, store, state } = underTest();
    connection.open();
    store.send("Where?");
    connection.emit(sources(source(1)));
    expect(state().isStreaming).toBe(true);
    connection.emit({ type: "text-delta", delta: "There." }, { type: "message-end" });
    expect(shape(state()).slice(1)).toEqual([
      [expect.any(String), "assistant", "There.", "text,sources"],
    ]);
    expect(state().isStreaming).toBe(false);
    // The next answer is a message of its own.
    store.send("And?");
    connection.emit({ type: "text-delta", delta: "Also here." }, { type: "message-end" });
    expect(shape(state()).map(([, role, text]) => [role, text])).toEqual([
      ["user", "Where?"],
      ["assistant", "There."],
      ["user", "And?"],
      ["assistant", "Also here."],
    ]);
  });

  it("adds sources sent after the answer ended to it (AG-UI, no message named)", () => {
    const { connection, state } = underTest();
    connection.emit(
      { type: "run-started" },
      { type: "message-start", messageId: "m1" },
      { type: "text-delta", messageId: "m1", delta: "Answer." },
      { type: "message-end", messageId: "m1" },
      sources(source(1)),
      { type: "run-finished" },
    );
    expect(shape(state())).toEqual([["m1", "assistant", "Answer.", "text,sources"]]);
  });

  it("adds sources sent after the text to the answer its reasoning became (AG-UI)", () => {
    const { connection, store, state } = underTest();
    connection.open();
    store.send("Why?");
    connection.emit(
      { type: "run-started" },
      { type: "reasoning-start", messageId: "r1" },
      { type: "reasoning-delta", messageId: "r1", delta: "Thinking." },
      { type: "reasoning-end", messageId: "r1" },
      { type: "message-start", messageId: "m1" },
      { type: "text-delta", messageId: "m1", delta: "Because." },
      { type: "message-end", messageId: "m1" },
      sources(source(1)),
      { type: "run-finished" },
    );
    expect(shape(state()).slice(1)).toEqual([
      ["m1", "assistant", "Because.", "reasoning,text,sources"],
    ]);
  });

  it("goes to the message it names, even one not started yet; never to a user message", () => {
    const { connection, store, state } = underTest();
    connection.open();
    const userId = store.send("Two answers?");
    connection.emit(
      { type: "message-start", messageId: "a" },
      { type: "text-delta", messageId: "a", delta: "A." },
      { type: "message-end", messageId: "a" },
      { type: "sources", messageId: "b", sources: [source(2)] },
      { type: "message-start", messageId: "b" },
      { type: "text-delta", messageId: "b", delta: "B." },
      { type: "message-end", messageId: "b" },
      { type: "sources", messageId: "a", sources: [source(1)] },
      { type: "sources", messageId: userId, sources: [source(3)] },
    );
    const [user, a, b] = state().messages;
    expect(user?.parts).toEqual([{ type: "text", text: "Two answers?" }]);
    expect(sourcesOf(a?.parts ?? [])).toEqual([source(1)]);
    expect(sourcesOf(b?.parts ?? [])).toEqual([source(2)]);
    expect(b?.parts.map((part) => part.type)).toEqual(["text", "sources"]);
  });

  it("merges the sources of several events: one per URL, updated in place, capped", () => {
    const { connection, state } = underTest();
    connection.emit({ type: "text-delta", delta: "Hi" });
    connection.emit(sources(source(1), source(2)), sources(source(2, "Page two"), source(3)));
    const many = Array.from({ length: MAX_SOURCES + 5 }, (_, i) => source(i + 10));
    connection.emit(sources(...many));
    const listed = sourcesOf(state().messages[0]?.parts ?? []);
    expect(listed).toHaveLength(MAX_SOURCES);
    expect(listed?.slice(0, 3)).toEqual([source(1), source(2, "Page two"), source(3)]);
  });

  it("drops the sources of an answer the user stopped", () => {
    const { connection, store, state } = underTest();
    connection.open();
    store.send("Go");
    connection.emit({ type: "text-delta", delta: "Partial" });
    store.stop();
    connection.emit(sources(source(1)));
    expect(state().messages.map((message) => sourcesOf(message.parts))).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("keeps sources when a messages snapshot replaces their message", () => {
    const { connection, state } = underTest();
    connection.emit(
      { type: "message-start", messageId: "m1" },
      { type: "text-delta", messageId: "m1", delta: "Draft" },
      { type: "message-end", messageId: "m1" },
      { type: "sources", messageId: "m1", sources: [source(1)] },
      { type: "messages-snapshot", messages: [{ id: "m1", role: "assistant", text: "Final" }] },
    );
    expect(state().messages[0]?.parts).toEqual([
      { type: "text", text: "Final" },
      { type: "sources", sources: [source(1)] },
    ]);
  });
});
