import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

const setup = () => connectionUnderTest();

describe("an agent that closes after its answer (1000)", () => {
  it("sends again, on a new stream, a message it closed on without reacting to", async () => {
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    connection.send("first");
    await settle();
    runtime.latest().send(JSON.stringify({ text: "answer", done: true }));
    await settle();
    // The user sends while the agent is about to close: no frame answers it before the close.
    const second = connection.send("second");
    await settle();
    runtime.latest().close({ code: 1000, reason: "run finished", wasClean: true });
    await settle(50);
    expect(sockets.calls).toHaveLength(2);
    expect(connection.getSnapshot().status).toBe("open");
    expect(runtime.received).toEqual(
      ["first", "second", "second"].map((text) => JSON.stringify({ inputText: text })),
    );
    expect(connection.getSnapshot().outbox.find((entry) => entry.id === second)?.status).toBe(
      "sent",
    );
    connection.close();
  });

  it("sends, on a new stream, a message sent while the agent was closing the last one", async () => {
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    connection.send("first");
    await settle();
    runtime.latest().send(JSON.stringify({ text: "answer", done: true }));
    await settle();
    // The close frame is on its way: the socket no longer takes the message, which stays queued.
    runtime.latest().close({ code: 1000, reason: "run finished", wasClean: true });
    const second = connection.send("second");
    await settle(50);
    expect(sockets.calls).toHaveLength(2);
    expect(connection.getSnapshot().status).toBe("open");
    expect(runtime.received).toEqual(
      ["first", "second"].map((text) => JSON.stringify({ inputText: text })),
    );
    expect(connection.getSnapshot().outbox.find((entry) => entry.id === second)?.status).toBe(
      "sent",
    );
    connection.close();
  });

  it("does not send again a message the agent answered before closing", async () => {
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    connection.send("only");
    await settle();
    runtime.latest().send(JSON.stringify({ text: "answer", done: true }));
    runtime.latest().close({ code: 1000, reason: "run finished", wasClean: true });
    await settle();
    expect(connection.getSnapshot()).toMatchObject({ status: "idle", reason: "agent-closed" });
    expect(sockets.calls).toHaveLength(1);
    expect(runtime.received).toHaveLength(1);
  });
});
