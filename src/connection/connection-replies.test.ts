import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { textCodec } from "../codecs/text-codec";
import type { AgentReply, Codec } from "../codecs/types";
import { AgentRuntimeFrameTooLargeError } from "./errors";
import {
  connectionUnderTest,
  settle,
  startMockRuntime,
  type MockRuntime,
} from "./test-utils/harness";

let runtime: MockRuntime;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z") });
  runtime = startMockRuntime();
});

afterEach(async () => {
  await runtime.stop();
  vi.useRealTimers();
});

const reply: AgentReply = { toolResults: [{ toolCallId: "t1", content: "48.1" }] };
const replyFrame = JSON.stringify({ type: "reply", ...reply });

describe("sendReply", () => {
  it("queues a reply while not open, sends it first on open, and keeps it out of the outbox", async () => {
    const { connection } = connectionUnderTest({});
    connection.send("question");
    connection.sendReply(reply);
    expect(connection.getSnapshot().outbox.map((entry) => entry.message)).toEqual(["question"]);
    connection.connect();
    await settle();
    expect(runtime.received).toEqual([replyFrame, JSON.stringify({ inputText: "question" })]);
    connection.close();
  });

  it("reopens a stream the agent ended, like send()", async () => {
    const { connection } = connectionUnderTest({});
    connection.connect();
    await settle();
    runtime.latest().close({ code: 1000, reason: "", wasClean: true });
    await settle();
    expect(connection.getSnapshot()).toMatchObject({ status: "idle", reason: "agent-closed" });
    connection.sendReply(reply);
    await settle();
    expect(connection.getSnapshot().status).toBe("open");
    expect(runtime.received).toEqual([replyFrame]);
    connection.close();
  });

  it("refuses a reply the codec cannot encode, or one too large", () => {
    const bare: Codec<string> = { ...textCodec, encodeReply: undefined };
    const { connection } = connectionUnderTest({ options: { codec: bare } });
    expect(() => connection.sendReply(reply)).toThrow(AgentRuntimeValidationError);
    const small = connectionUnderTest({ options: { maxFrameBytes: 64 } }).connection;
    const big = { toolResults: [{ toolCallId: "t1", content: "x".repeat(100) }] };
    expect(() => small.sendReply(big)).toThrow(AgentRuntimeFrameTooLargeError);
  });
});
