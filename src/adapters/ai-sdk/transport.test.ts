import type { UIMessage, UIMessageChunk } from "ai";
import { INTERRUPTED_ANSWER } from "../../store/conversation-binding";
import { FakeConnection } from "../../store/test-utils/fake-connection";
import { CONNECTION_CLOSED } from "./answer-stream";
import { STATUS_PART_TYPE, type AgentCoreStatusData } from "./status-part";
import { agentCoreTransport, lastUserText } from "./transport";

function userMessage(id: string, text: string): UIMessage {
  return { id, role: "user", parts: [{ type: "text", text }] };
}

/** Reads chunks as they come; `rest()` reads to the end. */
function reader(stream: ReadableStream<UIMessageChunk>) {
  const chunks: UIMessageChunk[] = [];
  let ended = false;
  const done = (async () => {
    const read = stream.getReader();
    for (let next = await read.read(); !next.done; next = await read.read())
      chunks.push(next.value);
    ended = true;
  })();
  return {
    chunks,
    get ended() {
      return ended;
    },
    /** Every chunk but the transient status parts. */
    content: () => chunks.filter((chunk) => chunk.type !== STATUS_PART_TYPE),
    statuses: () =>
      chunks.flatMap((chunk) =>
        chunk.type === STATUS_PART_TYPE ? [chunk.data as AgentCoreStatusData] : [],
      ),
    rest: async () => {
      await done;
      return chunks;
    },
  };
}

async function ask(connection: FakeConnection, text = "Hi", signal?: AbortSignal) {
  const transport = agentCoreTransport({ connection });
  const stream = await transport.sendMessages({
    trigger: "submit-message",
    chatId: "chat",
    messageId: undefined,
    messages: [userMessage("u1", text)],
    abortSignal: signal,
  });
  return { transport, read: reader(stream) };
}

describe("agentCoreTransport", () => {
  it("connects, sends the last user text, and streams the answer to its finish", async () => {
    const connection = new FakeConnection();
    const { read } = await ask(connection, "Hello?");
    expect(connection.calls).toEqual(["connect", "send"]);
    expect(connection.getSnapshot().outbox[0]?.message).toBe("Hello?");
    connection.open();
    connection.emit({ type: "text-delta", delta: "Hi " }, { type: "text-delta", delta: "there" });
    connection.emit({ type: "message-end" });
    await read.rest();
    expect(read.content()).toEqual([
      { type: "start" },
      { type: "text-start", id: "out-1-part-1" },
      { type: "text-delta", id: "out-1-part-1", delta: "Hi " },
      { type: "text-delta", id: "out-1-part-1", delta: "there" },
      { type: "text-end", id: "out-1-part-1" },
      { type: "finish" },
    ]);
    expect(read.statuses().map((data) => data.status)).toEqual(["connecting", "open"]);
    expect(connection.listenerCount).toBe(0);
  });

  it("ignores events until its message is sent, and reports the status while it waits", async () => {
    const connection = new FakeConnection();
    connection.open();
    connection.drop();
    const { read } = await ask(connection);
    connection.emit({ type: "text-delta", delta: "an older answer" });
    connection.open();
    connection.emit({ type: "text-delta", delta: "ok" }, { type: "message-end" });
    await read.rest();
    expect(read.statuses()).toEqual([
      {
        status: "reconnecting",
        reason: "connection-lost",
        nextRetryAt: null,
        attempt: 0,
        online: true,
      },
      { status: "open", reason: null, nextRetryAt: null, attempt: 0, online: true },
    ]);
    const deltas = read.content().filter((chunk) => chunk.type === "text-delta");
    expect(deltas).toEqual([{ type: "text-delta", id: "out-1-part-1", delta: "ok" }]);
  });

  it("keeps what arrived and ends in an error when the stream breaks mid-answer", async () => {
    const connection = new FakeConnection();
    connection.open();
    const { read } = await ask(connection);
    connection.emit({ type: "text-delta", delta: "partial" });
    connection.drop();
    connection.open();
    connection.emit({ type: "text-delta", delta: "not this answer's" });
    expect((await read.rest()).filter((chunk) => chunk.type !== STATUS_PART_TYPE)).toEqual([
      { type: "start" },
      { type: "text-start", id: "out-1-part-1" },
      { type: "text-delta", id: "out-1-part-1", delta: "partial" },
      { type: "text-end", id: "out-1-part-1" },
      { type: "error", errorText: INTERRUPTED_ANSWER },
    ]);
  });

  it("stops the answer for real on abort and ends the stream cleanly", async () => {
    const connection = new FakeConnection();
    connection.open();
    const abort = new AbortController();
    const { read, transport } = await ask(connection, "Hi", abort.signal);
    connection.emit(
      { type: "run-started", runId: "r1" },
      { type: "text-delta", messageId: "m1", delta: "a" },
    );
    abort.abort();
    await read.rest();
    expect(connection.calls).toEqual(["connect", "send", "stop"]);
    expect(read.content().at(-1)).toEqual({ type: "text-delta", id: "m1", delta: "a" });

    // What the stopped run still sends is not the next answer's.
    const next = reader(
      await transport.sendMessages({
        trigger: "submit-message",
        chatId: "chat",
        messageId: undefined,
        messages: [userMessage("u2", "Again")],
        abortSignal: undefined,
      }),
    );
    connection.emit({ type: "text-delta", messageId: "m1", delta: "leftover" });
    connection.emit({ type: "run-finished", runId: "r1", outcome: "cancelled" });
    connection.emit(
      { type: "run-started", runId: "r2" },
      { type: "text-delta", messageId: "m2", delta: "b" },
    );
    connection.emit({ type: "run-finished", runId: "r2" });
    await next.rest();
    expect(next.content().filter((chunk) => chunk.type === "text-delta")).toEqual([
      { type: "text-delta", id: "m2", delta: "b" },
    ]);
  });

  it("does not stop the connection when stopped before its message was sent", async () => {
    const connection = new FakeConnection();
    const abort = new AbortController();
    const { read } = await ask(connection, "Hi", abort.signal);
    abort.abort();
    await read.rest();
    expect(connection.calls).toEqual(["connect", "send"]);
  });

  it("ends in an error when the message fails or the connection is closed", async () => {
    const connection = new FakeConnection();
    const failed = await ask(connection);
    connection.failEntry("out-1", new Error("The frame is too large."));
    expect((await failed.read.rest()).at(-1)).toEqual({
      type: "error",
      errorText: "The frame is too large.",
    });

    const closed = await ask(connection);
    connection.close();
    expect((await closed.read.rest()).at(-1)).toEqual({
      type: "error",
      errorText: CONNECTION_CLOSED,
    });
  });

  it("rejects when the connection refuses the message, and never resumes a stream", async () => {
    const connection = new FakeConnection();
    connection.nextSendError = new Error("outbox full");
    await expect(ask(connection)).rejects.toThrow("outbox full");
    const transport = agentCoreTransport({ connection });
    await expect(transport.reconnectToStream({ chatId: "chat" })).resolves.toBeNull();
  });
});

describe("lastUserText", () => {
  it("joins the text parts of the last user message", () => {
    const messages: UIMessage[] = [
      userMessage("1", "first"),
      {
        id: "2",
        role: "user",
        parts: [
          { type: "text", text: "a" },
          { type: "file", mediaType: "image/png", url: "data:," },
          { type: "text", text: "b" },
        ],
      },
      { id: "3", role: "assistant", parts: [{ type: "text", text: "answer" }] },
    ];
    expect(lastUserText(messages)).toBe("ab");
  });
});
