import {
  EmulatorOptionsError,
  STREAM_CANCELLED,
  STREAM_DONE,
  agUiAgent,
  streamingAgent,
  type AgentContext,
  type AgentHandler,
} from "agentcore-react-emulator";
import {
  RUNTIME_ARN,
  emulator,
  open,
  presignedUrl,
  sessionId,
  stopEmulators,
  until,
  type Frame,
} from "./client";
import { ManualTimers } from "./manual-timers";

afterEach(stopEmulators);

const isDone = (frame: Frame) => typeof frame === "string" && frame.startsWith('{"type":"done"');

describe("the echo agent", () => {
  it("answers inputText with its text and echoes anything else unchanged", async () => {
    const target = await emulator({ agent: "echo" });
    const peer = await open(await presignedUrl(target));
    expect(await peer.roundTrip(JSON.stringify({ inputText: "Hello!" }))).toBe("Hello!");
    expect(await peer.roundTrip('{"other":1}')).toBe('{"other":1}');
    expect(await peer.roundTrip("plain text")).toBe("plain text");
    peer.send(Buffer.from([0, 1, 2, 255]));
    expect(await peer.next()).toEqual(Buffer.from([0, 1, 2, 255]));
  });
});

describe("the streaming agent", () => {
  it("streams the answer in chunks of chunkSize, then the done marker", async () => {
    const reply = "The quick brown fox jumps over the lazy dog.";
    const target = await emulator({
      agent: streamingAgent({ chunkSize: 5, intervalMs: 0, reply: () => reply }),
    });
    const peer = await open(await presignedUrl(target));
    peer.send(JSON.stringify({ inputText: "go" }));
    const frames = await peer.until(isDone);
    expect(frames.at(-1)).toBe(JSON.stringify(STREAM_DONE));
    const chunks = frames.slice(0, -1) as string[];
    expect(chunks).toHaveLength(Math.ceil(reply.length / 5));
    expect(chunks.every((chunk) => chunk.length <= 5)).toBe(true);
    expect(chunks.join("")).toBe(reply);
  });

  it("answers questions in order and counts turns across reconnects of a session", async () => {
    const target = await emulator({ agent: streamingAgent({ chunkSize: 1000, intervalMs: 0 }) });
    const url = await presignedUrl(target, { session: sessionId(7) });
    const first = await open(url);
    first.send(JSON.stringify({ inputText: "one" }));
    first.send("two");
    const answers = [...(await first.until(isDone)), ...(await first.until(isDone))].filter(
      (frame) => !isDone(frame),
    ) as string[];
    expect(answers[0]).toContain('Turn 1 of this session. You said: "one"');
    expect(answers[1]).toContain('Turn 2 of this session. You said: "two"');
    first.ws.close();
    await first.closed;
    const second = await open(await presignedUrl(target, { session: sessionId(7) }));
    second.send(JSON.stringify({ inputText: "three" }));
    expect((await second.next()) as string).toContain("Turn 3 of this session");
  });

  it.each(['{"type":"cancel"}', '{"action":"cancel"}'])(
    "stops the answer on %s and ends it as cancelled",
    async (cancelFrame) => {
      const timers = new ManualTimers();
      const target = await emulator({
        timers,
        now: () => timers.now,
        agent: streamingAgent({ chunkSize: 1, intervalMs: 10, reply: () => "abcdefghij" }),
      });
      const peer = await open(await presignedUrl(target, { client: { now: () => timers.now } }));
      peer.send(JSON.stringify({ inputText: "go" }));
      await until(() => timers.pending >= 3);
      timers.advance(10);
      expect(await peer.next()).toBe("a");
      timers.advance(10);
      expect(await peer.next()).toBe("b");
      peer.send(cancelFrame);
      expect(await peer.next()).toBe(JSON.stringify(STREAM_CANCELLED));
      peer.send(JSON.stringify({ inputText: "again" }));
      await until(() => timers.pending >= 3);
      timers.advance(10);
      // The next frame starts the new answer: nothing of the cancelled one follows.
      expect(await peer.next()).toBe("a");
    },
  );

  it("tells the client about frames it cannot read, and stays open", async () => {
    const target = await emulator({ agent: streamingAgent({ intervalMs: 0 }) });
    const peer = await open(await presignedUrl(target));
    peer.send('{"prompt":"wrong shape"}');
    expect(await peer.nextJson()).toMatchObject({ type: "error" });
    peer.send(Buffer.from([1, 2]));
    expect(await peer.nextJson()).toMatchObject({ type: "error" });
    peer.send(JSON.stringify({ inputText: "ok" }));
    expect(typeof (await peer.next())).toBe("string");
  });

  it("refuses bad pacing options", () => {
    expect(() => streamingAgent({ chunkSize: 0 })).toThrow(EmulatorOptionsError);
    expect(() => streamingAgent({ intervalMs: -1 })).toThrow(EmulatorOptionsError);
  });
});

describe("the AG-UI agent", () => {
  const runInput = {
    threadId: "thread-1",
    runId: "run-abc",
    messages: [
      { id: "m0", role: "user", content: "earlier question" },
      { id: "m1", role: "assistant", content: "earlier answer" },
      { id: "m2", role: "user", content: "weather in Lisbon?" },
    ],
    tools: [],
    context: [],
    state: {},
    forwardedProps: {},
  };

  it("answers a RunAgentInput with text messages, a tool call and its result, as AG-UI events", async () => {
    const target = await emulator({ agent: agUiAgent({ chunkSize: 4, intervalMs: 0 }) });
    const peer = await open(await presignedUrl(target));
    peer.send(JSON.stringify(runInput));
    const frames = await peer.until(
      (frame) => JSON.parse(frame.toString()).type === "RUN_FINISHED",
    );
    const events = frames.map((frame) => JSON.parse(frame.toString()) as Record<string, string>);
    const shape = events
      .map((event) => event.type)
      .join(" ")
      .replace(/(TEXT_MESSAGE_CONTENT ?)+/g, "CONTENT+ ")
      .replace(/(TOOL_CALL_ARGS ?)+/g, "ARGS+ ");
    expect(shape.trim()).toBe(
      "RUN_STARTED TEXT_MESSAGE_START CONTENT+ TEXT_MESSAGE_END TOOL_CALL_START ARGS+ TOOL_CALL_END TOOL_CALL_RESULT TEXT_MESSAGE_START CONTENT+ TEXT_MESSAGE_END RUN_FINISHED",
    );
    expect(events[0]).toEqual({ type: "RUN_STARTED", threadId: "thread-1", runId: "run-abc" });
    expect(events.at(-1)).toEqual({ type: "RUN_FINISHED", threadId: "thread-1", runId: "run-abc" });
    const start = events.find((event) => event.type === "TOOL_CALL_START")!;
    expect(start).toMatchObject({ toolCallName: "lookup", parentMessageId: events[1]!.messageId });
    const args = events.filter((event) => event.type === "TOOL_CALL_ARGS");
    expect(args.every((event) => event.toolCallId === start.toolCallId)).toBe(true);
    expect(JSON.parse(args.map((event) => event.delta).join(""))).toEqual({
      query: "weather in Lisbon?",
    });
    expect(events.find((event) => event.type === "TOOL_CALL_RESULT")).toMatchObject({
      toolCallId: start.toolCallId,
      role: "tool",
    });
    const answerId = events.filter((event) => event.type === "TEXT_MESSAGE_START")[1]!.messageId;
    const answer = events
      .filter((event) => event.type === "TEXT_MESSAGE_CONTENT" && event.messageId === answerId)
      .map((event) => event.delta)
      .join("");
    expect(answer).toContain('The lookup for "weather in Lisbon?" came back');
  });

  it("runs without the tool call when asked, and takes {inputText} too", async () => {
    const target = await emulator({ agent: agUiAgent({ intervalMs: 0, toolCall: false }) });
    const peer = await open(await presignedUrl(target, { session: sessionId(8) }));
    peer.send(JSON.stringify({ inputText: "hi" }));
    const frames = await peer.until(
      (frame) => JSON.parse(frame.toString()).type === "RUN_FINISHED",
    );
    const types = frames.map((frame) => JSON.parse(frame.toString()).type as string);
    expect(types.some((type) => type.startsWith("TOOL_CALL"))).toBe(false);
    expect(JSON.parse(frames[0]!.toString())).toEqual({
      type: "RUN_STARTED",
      threadId: sessionId(8),
      runId: "run-1",
    });
  });

  it("answers input it cannot read with RUN_ERROR", async () => {
    const target = await emulator({ agent: agUiAgent({ intervalMs: 0 }) });
    const peer = await open(await presignedUrl(target));
    peer.send("not json");
    expect(await peer.nextJson()).toMatchObject({ type: "RUN_ERROR", code: "invalid_input" });
    peer.send(JSON.stringify({ messages: [{ role: "assistant", content: "no user here" }] }));
    expect(await peer.nextJson()).toMatchObject({ type: "RUN_ERROR" });
  });

  it("on cancel ends the open message and finishes the run as cancelled", async () => {
    const timers = new ManualTimers();
    const target = await emulator({
      timers,
      now: () => timers.now,
      agent: agUiAgent({ chunkSize: 2, intervalMs: 5 }),
    });
    const peer = await open(await presignedUrl(target, { client: { now: () => timers.now } }));
    peer.send(JSON.stringify(runInput));
    await until(() => timers.pending >= 3);
    for (const expected of ["RUN_STARTED", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT"]) {
      timers.advance(5);
      expect((await peer.nextJson()).type).toBe(expected);
    }
    peer.send('{"type":"cancel"}');
    expect(await peer.nextJson()).toEqual({ type: "TEXT_MESSAGE_END", messageId: "run-abc-msg-1" });
    expect(await peer.nextJson()).toEqual({
      type: "RUN_FINISHED",
      threadId: "thread-1",
      runId: "run-abc",
      result: { cancelled: true },
    });
  });
});

describe("a user handler", () => {
  it("gets the session, runtime and qualifier, and per-session state that survives reconnects", async () => {
    const contexts: AgentContext[] = [];
    const counter: AgentHandler = (socket, context) => {
      contexts.push(context);
      const count = ((context.session.state["connections"] as number | undefined) ?? 0) + 1;
      context.session.state["connections"] = count;
      socket.send(`connection ${count} of ${context.sessionId}`);
    };
    const target = await emulator({ agent: counter });
    const connectAs = async (n: number) => {
      const peer = await open(
        await presignedUrl(target, { session: sessionId(n), endpointName: "DEFAULT" }),
      );
      const greeting = await peer.next();
      peer.ws.close();
      await peer.closed;
      return greeting;
    };
    expect(await connectAs(1)).toBe(`connection 1 of ${sessionId(1)}`);
    expect(await connectAs(1)).toBe(`connection 2 of ${sessionId(1)}`);
    expect(await connectAs(2)).toBe(`connection 1 of ${sessionId(2)}`);
    expect(await connectAs(1)).toBe(`connection 3 of ${sessionId(1)}`);
    expect(contexts[0]).toMatchObject({
      sessionId: sessionId(1),
      runtimeArn: RUNTIME_ARN,
      qualifier: "DEFAULT",
      connectionId: 1,
    });
    expect(target.sessions.get(sessionId(1))).toMatchObject({
      connections: 3,
      openSockets: 0,
      state: { connections: 3 },
    });
  });

  it("gets a signal that aborts and a sleep that ends when the socket closes", async () => {
    let slept: boolean | undefined;
    let aborted = false;
    const target = await emulator({
      agent: async (socket, context) => {
        socket.signal.addEventListener("abort", () => (aborted = true));
        slept = await context.sleep(60_000);
      },
    });
    const peer = await open(await presignedUrl(target));
    peer.ws.close(1000);
    await peer.closed;
    await until(() => slept !== undefined);
    expect(slept).toBe(false);
    expect(aborted).toBe(true);
  });
});
