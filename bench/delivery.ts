/**
 * `npm run bench:delivery`: what the delivery protocol costs, measured on loopback with the
 * library's connection (Node `ws`) and `agentcore-react/agent`, against the same answers sent
 * without it, in one run: bytes per message and per agent frame, extra frames per answer, the
 * time from a new socket opening after an abrupt drop to the first replayed frame, and the
 * replay buffer's memory when full at its default limit. Written to bench/results/delivery.json.
 *
 *   npm run bench:delivery -- --answers 50 --frames 200 --drops 30
 */
import { parseArgs } from "node:util";
import { DEFAULT_MAX_BUFFER_BYTES, DeliveryAgent } from "../src/agent";
import type { AgentRuntimeConnection } from "../src/connection/agent-runtime-connection";
import { writeResult } from "./lib/results";
import { summarize } from "./soak/analyze";
import { DeliveryRig, type WireCount } from "./delivery-rig";

const { values } = parseArgs({
  options: {
    answers: { type: "string", default: "50" },
    frames: { type: "string", default: "200" },
    drops: { type: "string", default: "30" },
  },
});
const answers = Number(values.answers);
const framesPerAnswer = Number(values.frames);
const drops = Number(values.drops);

/** Resolves once `count` text deltas arrived on `connection` (counting from now). */
function deltas(connection: AgentRuntimeConnection<string>, count: number): Promise<number[]> {
  const times: number[] = [];
  return new Promise((resolve) => {
    const stop = connection.onEvent((event) => {
      if (event.type !== "text-delta") return;
      times.push(performance.now());
      if (times.length < count) return;
      stop();
      resolve(times);
    });
  });
}

/** Sends `answers` questions one after another and counts the wire. */
async function wireFor(delivery: boolean): Promise<WireCount> {
  const rig = await DeliveryRig.start(delivery);
  const connection = rig.connection();
  connection.connect();
  for (let index = 0; index < answers; index++) {
    const answered = deltas(connection, framesPerAnswer);
    connection.send(String(framesPerAnswer));
    await answered;
  }
  // Let the last acknowledgement (at most 1 s after the last frame) go out.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  connection.close();
  await rig.close();
  return rig.wire;
}

/** Drops the stream mid-answer `drops` times; ms from the new socket's open to the next frame. */
async function resumeTimes(): Promise<number[]> {
  const rig = await DeliveryRig.start(true, 2);
  const connection = rig.connection();
  const samples: number[] = [];
  connection.connect();
  for (let round = 0; round < drops; round++) {
    const halfway = deltas(connection, framesPerAnswer / 2);
    const whole = deltas(connection, framesPerAnswer);
    connection.send(String(framesPerAnswer));
    await halfway;
    let openedAt = 0;
    const reopened = new Promise<void>((resolve) => {
      let dropped = false;
      const stop = connection.subscribe(() => {
        const { status } = connection.getSnapshot();
        if (status !== "open") dropped = true;
        else if (dropped) {
          openedAt = performance.now();
          stop();
          resolve();
        }
      });
    });
    const next = deltas(connection, 1);
    rig.dropAll();
    await reopened;
    const [first] = await next;
    samples.push((first ?? openedAt) - openedAt);
    await whole;
  }
  connection.close();
  await rig.close();
  return samples;
}

/** Heap taken by one session's replay buffer filled to the default byte limit. */
function bufferMemory(payloadBytes: number) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const agent = new DeliveryAgent();
  const session = agent.session("bench-session-0000000000000000000000000");
  const payload = "x".repeat(payloadBytes);
  const envelopes = Math.floor(DEFAULT_MAX_BUFFER_BYTES / payloadBytes);
  for (let index = 0; index < envelopes; index++) session.send(payload);
  globalThis.gc?.();
  const heapMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  // Read after the measurement, so the session is alive while it is measured.
  const bufferedMiB = session.bufferedBytes / 2 ** 20;
  return { envelopes, bufferedMiB, heapMiB: Math.round(heapMiB * 100) / 100 };
}

const off = await wireFor(false);
const on = await wireFor(true);
const perMessageBytes = (on.toAgentBytes - off.toAgentBytes) / answers;
const extraToClient = (on.toClientBytes - off.toClientBytes) / (answers * framesPerAnswer);
const result = {
  settings: { answers, framesPerAnswer, drops, payloadBytes: 8 },
  wire: { off, on },
  overhead: {
    /** `@msg <id> ` around each message, `@resume` and the `@ack`s, per answer. */
    toAgentBytesPerAnswer: Math.round(perMessageBytes * 10) / 10,
    bytesPerAgentFrame: Math.round(extraToClient * 100) / 100,
    extraFramesPerAnswer: {
      toAgent: (on.toAgentFrames - off.toAgentFrames) / answers,
      toClient: (on.toClientFrames - off.toClientFrames) / answers,
    },
  },
  reconnectToFirstReplayedFrameMs: summarize(await resumeTimes()),
  replayBufferAtDefaultLimit: {
    "64-byte payloads": bufferMemory(64),
    "1 KiB payloads": bufferMemory(1024),
  },
};
console.log(JSON.stringify(result, null, 2));
console.log(`written to ${writeResult("delivery", result)}`);
