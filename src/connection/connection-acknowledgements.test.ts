import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { agUiCodec } from "../codecs/ag-ui-codec";
import type { AgentReply, Codec } from "../codecs/types";
import {
  connectionUnderTest,
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "./test-utils/harness";

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(async () => {
  await stopFakeClockAndRuntime(runtime);
});

const reply: AgentReply = { toolResults: [{ toolCallId: "t1", content: '{"city":"Lisbon"}' }] };

/** A connection on the AG-UI codec, whose agent acknowledges each input with RUN_STARTED. */
const setup = () => connectionUnderTest({ options: { codec: agUiCodec as Codec<string> } });

/** The AG-UI inputs the runtime received, by what they carry, socket by socket. */
function inputsBySocket(): string[][] {
  return runtime.clients.map((_client, index) =>
    runtime.received
      .filter((_frame, at) => socketOfFrame[at] === index)
      .map((frame) => {
        const input = JSON.parse(frame) as { messages: Array<{ role: string; content: string }> };
        return input.messages.map((m) => `${m.role}: ${m.content}`).join(" | ");
      }),
  );
}

/** Which socket (index in `runtime.clients`) carried each frame of `runtime.received`. */
let socketOfFrame: number[] = [];
function trackSockets(): void {
  socketOfFrame = [];
  runtime.server.on("connection", (client) => {
    const index = runtime.clients.indexOf(client);
    client.on("message", () => socketOfFrame.push(index));
  });
}

/** The runId of the last input the runtime received. */
const lastRunId = () => (JSON.parse(runtime.received.at(-1) ?? "{}") as { runId: string }).runId;

/** The agent runs the last input it received: RUN_STARTED, then RUN_FINISHED. */
function runLastInput(events: object[] = []): void {
  const runId = lastRunId();
  const agent = runtime.latest();
  agent.send(JSON.stringify({ type: "RUN_STARTED", threadId: "thread", runId }));
  for (const event of events) agent.send(JSON.stringify(event));
  agent.send(JSON.stringify({ type: "RUN_FINISHED", threadId: "thread", runId }));
}

const toolCall = [
  { type: "TOOL_CALL_START", toolCallId: "t1", toolCallName: "get_location" },
  { type: "TOOL_CALL_END", toolCallId: "t1" },
];

const closeClean = () => runtime.latest().close({ code: 1000, reason: "", wasClean: true });

describe("messages the agent acknowledges (AG-UI RUN_STARTED)", () => {
  it("sends again, on the next stream, a reply sent after RUN_FINISHED that the agent closed on (one request per connection)", async () => {
    trackSockets();
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    connection.send("where am I?");
    await settle();
    runLastInput(toolCall);
    await settle();
    // The client tool answered at once: the reply goes into the socket the agent is closing.
    connection.sendReply(reply);
    await settle();
    closeClean();
    await settle(50);
    expect(sockets.calls).toHaveLength(2);
    runLastInput();
    await settle();
    closeClean();
    await settle(50);
    const result = 'tool: {"city":"Lisbon"}';
    expect(inputsBySocket()).toEqual([["user: where am I?", result], [result]]);
    expect(connection.getSnapshot()).toMatchObject({ status: "idle", reason: "agent-closed" });
    expect(sockets.calls).toHaveLength(2);
    connection.close();
  });

  it("sends again a message sent during a run that the agent went on answering and closed on", async () => {
    trackSockets();
    const { connection } = setup();
    connection.connect();
    await settle();
    connection.send("first");
    await settle();
    const runId = lastRunId();
    runtime.latest().send(JSON.stringify({ type: "RUN_STARTED", threadId: "thread", runId }));
    await settle();
    connection.send("second");
    await settle();
    // Frames after "second" answer "first", not it: it stays unacknowledged.
    runtime
      .latest()
      .send(JSON.stringify({ type: "TEXT_MESSAGE_CHUNK", messageId: "a", delta: "." }));
    runtime.latest().send(JSON.stringify({ type: "RUN_FINISHED", threadId: "thread", runId }));
    await settle();
    closeClean();
    await settle(50);
    expect(inputsBySocket()).toEqual([["user: first", "user: second"], ["user: second"]]);
    connection.close();
  });

  it("never sends again what the agent acknowledged, to an agent that reads several requests per connection", async () => {
    trackSockets();
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    connection.send("where am I?");
    await settle();
    runLastInput(toolCall);
    await settle();
    connection.sendReply(reply);
    await settle();
    runLastInput([{ type: "TEXT_MESSAGE_CHUNK", messageId: "a1", delta: "In Lisbon." }]);
    await settle();
    runtime.latest().close({ code: 1011, reason: "", wasClean: true });
    await settle(1_000);
    expect(connection.getSnapshot().status).toBe("open");
    expect(sockets.calls).toHaveLength(2);
    expect(inputsBySocket()).toEqual([["user: where am I?", 'tool: {"city":"Lisbon"}'], []]);
    connection.close();
  });

  it("sends again, after a stream lost without a close handshake, a message the agent had not acknowledged", async () => {
    trackSockets();
    const { connection } = setup();
    connection.connect();
    await settle();
    connection.send("first");
    await settle();
    runLastInput();
    await settle();
    const second = connection.send("second");
    await settle();
    expect(connection.getSnapshot().outbox.find((entry) => entry.id === second)?.status).toBe(
      "sent",
    );
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    expect(connection.getSnapshot().status).toBe("open");
    expect(inputsBySocket()).toEqual([["user: first", "user: second"], ["user: second"]]);
    connection.close();
  });

  it("sends a message again at most once, when the agent never acknowledges it", async () => {
    trackSockets();
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    connection.send("first");
    await settle();
    runLastInput();
    await settle();
    connection.send("ignored");
    await settle();
    closeClean();
    await settle(50);
    closeClean();
    await settle(50);
    expect(inputsBySocket()).toEqual([["user: first", "user: ignored"], ["user: ignored"]]);
    expect(connection.getSnapshot()).toMatchObject({ status: "idle", reason: "agent-closed" });
    expect(sockets.calls).toHaveLength(2);
  });

  it("keeps at-most-once for an agent that has not acknowledged anything yet", async () => {
    trackSockets();
    const { connection } = setup();
    connection.connect();
    await settle();
    connection.send("first");
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    expect(connection.getSnapshot().status).toBe("open");
    expect(inputsBySocket()).toEqual([["user: first"], []]);
    connection.close();
  });
});

describe("replies with a codec that has no acknowledgement (text)", () => {
  it("sends again a reply sent after the agent's last frame when it closes (1000)", async () => {
    const { connection, sockets } = connectionUnderTest();
    connection.connect();
    await settle();
    connection.send("where am I?");
    await settle();
    runtime.latest().send(JSON.stringify({ type: "tool_call", toolCallId: "t1", name: "gps" }));
    runtime.latest().send(JSON.stringify({ done: true }));
    await settle();
    connection.sendReply(reply);
    await settle();
    closeClean();
    await settle(50);
    const replyFrame = JSON.stringify({ type: "reply", ...reply });
    expect(sockets.calls).toHaveLength(2);
    expect(runtime.received).toEqual([
      JSON.stringify({ inputText: "where am I?" }),
      replyFrame,
      replyFrame,
    ]);
    connection.close();
  });
});
