import { describe, expect, it } from "vitest";
import { ConnectionTimeline } from "../../examples/src/connection-timeline";
import type { ConnectionSnapshot } from "../../src/index";
import { idleSnapshot } from "../../src/store/idle-snapshot";

function snapshot(patch: Partial<ConnectionSnapshot> = {}): ConnectionSnapshot {
  return { ...idleSnapshot<string>("s".repeat(36)), ...patch };
}

function source(initial: ConnectionSnapshot) {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => current,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(next: ConnectionSnapshot) {
      current = next;
      for (const listener of listeners) listener();
    },
  };
}

describe("ConnectionTimeline", () => {
  it("records each change of state, attempt, retry time, close code or network, and nothing else", () => {
    const connection = source(snapshot());
    const timeline = new ConnectionTimeline();
    const stop = timeline.record(connection);
    connection.emit(snapshot({ status: "connecting" }));
    connection.emit(
      snapshot({ status: "connecting", outbox: [{ id: "1", message: "hi", status: "queued" }] }),
    );
    connection.emit(snapshot({ status: "open" }));
    connection.emit(
      snapshot({ status: "reconnecting", attempt: 1, nextRetryAt: 5, lastCloseCode: 1006 }),
    );
    connection.emit(
      snapshot({ status: "reconnecting", attempt: 2, nextRetryAt: 9, lastCloseCode: 1006 }),
    );
    connection.emit(
      snapshot({
        status: "reconnecting",
        attempt: 2,
        nextRetryAt: null,
        lastCloseCode: 1006,
        online: false,
      }),
    );
    stop();
    connection.emit(snapshot({ status: "open" }));
    expect(
      timeline.getEntries().map((entry) => [entry.seq, entry.status, entry.attempt, entry.online]),
    ).toEqual([
      [1, "idle", 0, true],
      [2, "connecting", 0, true],
      [3, "open", 0, true],
      [4, "reconnecting", 1, true],
      [5, "reconnecting", 2, true],
      [6, "reconnecting", 2, false],
    ]);
  });

  it("does not record the same state twice when recording restarts (StrictMode effects)", () => {
    const connection = source(snapshot({ status: "open" }));
    const timeline = new ConnectionTimeline();
    timeline.record(connection)();
    timeline.record(connection);
    expect(timeline.getEntries()).toHaveLength(1);
  });
});
