import { describe, expect, it } from "vitest";
import { DeliveryState } from "./delivery";

/** A state that applied envelopes 1..`applied` of epoch e1. */
function appliedUpTo(applied: number): DeliveryState {
  const state = new DeliveryState();
  state.resumeFrame();
  state.receive("@hello e1 0");
  for (let seq = 1; seq <= applied; seq++) state.receive(`${seq}:x`);
  return state;
}

describe("DeliveryState with a durable sequence (persist on)", () => {
  it("acknowledges nothing beyond what is saved, in @ack (heartbeats send the same) and @resume", () => {
    const state = appliedUpTo(10);
    state.durable = 4;
    expect(state.ackFrame()).toBe("@ack 4");
    expect(state.ackFrame()).toBeNull();
    expect(state.acknowledgeable()).toBe(4);
    state.durable = 10;
    expect(state.ackFrame()).toBe("@ack 10");
    state.durable = 6;
    expect(state.resumeFrame()).toBe("@resume e1 6");
  });

  it("takes a @hello from the saved sequence as resumed, and drops the replay it has", () => {
    const state = appliedUpTo(10);
    state.durable = 6;
    state.resumeFrame();
    expect(state.receive("@hello e1 6")).toEqual({ type: "hello" });
    expect(state.receive("7:x")).toEqual({ type: "duplicate" });
    expect(state.receive("10:x")).toEqual({ type: "duplicate" });
    expect(state.receive("11:y")).toEqual({ type: "payload", payload: "y" });
  });

  it("still tells a lost buffer from a resume", () => {
    const state = appliedUpTo(10);
    state.durable = 6;
    state.resumeFrame();
    expect(state.receive("@hello e1 5")).toEqual({ type: "hello", unavailable: "agent-restarted" });
    const evicted = appliedUpTo(10);
    evicted.durable = 6;
    evicted.resumeFrame();
    expect(evicted.receive("@hello e1 12")).toEqual({ type: "hello", unavailable: "evicted" });
  });

  it("resumes from a restored position", () => {
    const state = new DeliveryState();
    state.epoch = "e7";
    state.applied = 42;
    state.durable = 42;
    expect(state.resumeFrame()).toBe("@resume e7 42");
    expect(state.receive("@hello e7 42")).toEqual({ type: "hello" });
    expect(state.receive("42:x")).toEqual({ type: "duplicate" });
  });
});
