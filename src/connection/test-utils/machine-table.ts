import { transition } from "../connection-machine";
import { initialMachineState } from "../machine-outcomes";
import type {
  MachineEffect,
  MachineEnv,
  MachineEvent,
  MachineState,
  SentFrame,
} from "../machine-types";

/**
 * The state machine as a table: representative states (every status with every step it can
 * be in) against every kind of event. The table test checks each cell against the
 * expectation written by hand; docs/architecture.md shows the same table, generated.
 */

const base = initialMachineState(true);

function state(patch: Partial<MachineState>): MachineState {
  return { ...base, generation: 7, ...patch };
}

/** The states of the table, by row name. */
export const TABLE_STATES = {
  idle: state({ generation: 0 }),
  "idle · the agent ended the stream": state({ reason: "agent-closed", lastCloseCode: 1000 }),
  "connecting · waiting": state({ status: "connecting", step: "waiting" }),
  "connecting · preparing": state({ status: "connecting", step: "preparing" }),
  "connecting · opening": state({ status: "connecting", step: "opening" }),
  "connecting · offline": state({
    status: "connecting",
    step: "idle",
    online: false,
    reason: "offline",
  }),
  open: state({ status: "open", step: "open" }),
  "open · after failures": state({ status: "open", step: "open", attempt: 2 }),
  "reconnecting · waiting": state({
    status: "reconnecting",
    step: "waiting",
    attempt: 1,
    nextRetryAt: 1_400,
    reason: "connection-lost",
  }),
  "reconnecting · preparing": state({ status: "reconnecting", step: "preparing", attempt: 1 }),
  "reconnecting · opening": state({ status: "reconnecting", step: "opening", attempt: 1 }),
  "reconnecting · offline": state({
    status: "reconnecting",
    step: "idle",
    attempt: 1,
    online: false,
    reason: "offline",
  }),
  closed: state({ status: "closed", reason: "closed" }),
  failed: state({ status: "failed", attempt: 5, reason: "not-opened" }),
} satisfies Record<string, MachineState>;

export type TableState = keyof typeof TABLE_STATES;

const lastSent: SentFrame = { id: "m1", bytes: 40_000 };

function closed(
  code: number,
  extra: Partial<Extract<MachineEvent, { type: "socket-closed" }>> = {},
): MachineEvent {
  return {
    type: "socket-closed",
    code,
    peerReason: "",
    wasOpen: true,
    streamAgeMs: 60_000,
    idleMs: 1_000,
    lastSent: null,
    unread: [],
    confirmed: false,
    waiting: false,
    ...extra,
  };
}

/** The events of the table, by column name; results carry the state's generation. */
export const TABLE_EVENTS = {
  connect: () => ({ type: "connect", online: true }),
  reconnect: () => ({ type: "reconnect", online: true }),
  close: () => ({ type: "close" }),
  "message queued": () => ({ type: "message-queued", online: true }),
  stop: () => ({ type: "stop", canCancel: false }),
  "stop (cancel frame)": () => ({ type: "stop", canCancel: true }),
  "attempt due": (s) => ({ type: "attempt-due", generation: s.generation }),
  "attempt due (stale)": (s) => ({ type: "attempt-due", generation: s.generation - 1 }),
  "URL ready": (s) => ({ type: "url-ready", generation: s.generation, expired: false }),
  "URL expired": (s) => ({ type: "url-ready", generation: s.generation, expired: true }),
  "provider failed": (s) => ({ type: "url-failed", generation: s.generation, error: new Error() }),
  "provider timed out": (s) => ({
    type: "url-failed",
    generation: s.generation,
    error: new Error(),
    timedOut: true,
  }),
  "socket error": () => ({ type: "socket-error", error: new Error("bad url") }),
  "no WebSocket": () => ({ type: "no-websocket", error: new Error("none") }),
  "socket open": () => ({ type: "socket-open" }),
  "handshake timeout": () => ({ type: "handshake-timeout" }),
  "stream healthy": () => ({ type: "stream-healthy" }),
  "closed 1000": () => closed(1000),
  "closed 1000, unread": () => closed(1000, { unread: [{ id: "m2", bytes: 10 }] }),
  "closed 1000, message waiting": () => closed(1000, { waiting: true }),
  "closed 1006": () => closed(1006),
  "closed 1006, unacknowledged": () =>
    closed(1006, { unread: [{ id: "m2", bytes: 10 }], confirmed: true }),
  "closed 1008": () => closed(1008),
  "closed 1009": () => closed(1009, { lastSent }),
  "closed before open": () =>
    closed(1006, { wasOpen: false, streamAgeMs: undefined, idleMs: undefined }),
  "closed at 60 min": () => closed(1001, { streamAgeMs: 3_600_000 }),
  online: () => ({ type: "online-changed", online: true }),
  offline: () => ({ type: "online-changed", online: false }),
} satisfies Record<string, (state: MachineState) => MachineEvent>;

export type TableEvent = keyof typeof TABLE_EVENTS;

/** The environment every cell runs in: time 1 000, a jitter draw of 0.5, default-like limits. */
export const TABLE_ENV: MachineEnv = {
  now: 1_000,
  jitter: 0.5,
  policy: {
    maxAttempts: 5,
    initialDelayMs: 500,
    maxDelayMs: 30_000,
    streamLifetimeMs: 3_600_000,
    idleTimeoutMs: 900_000,
  },
};

function effectName(effect: MachineEffect): string {
  switch (effect.type) {
    case "schedule-attempt":
      return effect.delay === "now" ? "attempt now" : `attempt in ${effect.delay} ms`;
    case "prepare-url":
      return "get URL";
    case "open-socket":
      return "open socket";
    case "drop-socket":
      return "close socket";
    case "abort-url":
      return "abort provider request";
    case "discard-url":
      return "discard URL";
    case "fail-message":
      return "fail message";
    case "requeue":
      return "queue unread messages again";
    case "stream-opened":
      return "flush, prefetch";
    case "send-cancel":
      return "send cancel";
    case "watch-online":
      return "watch online";
    case "shut-down":
      return "shut down";
  }
}

/**
 * One cell: `—` when the event leaves the state as it is; otherwise the next status and step,
 * what changed that matters (attempt, reason, whether the generation moved) and the effects.
 */
export function describeCell(row: TableState, column: TableEvent): string {
  const before = TABLE_STATES[row];
  const event: MachineEvent = TABLE_EVENTS[column](before);
  const { state: after, effects } = transition(before, event, TABLE_ENV);
  if (after === before && effects.length === 0) return "—";
  const where =
    after.step === "idle" || after.step === after.status
      ? after.status
      : `${after.status} · ${after.step}`;
  const notes: string[] = [];
  if (after.attempt !== before.attempt) notes.push(`attempt ${after.attempt}`);
  if (after.reason !== before.reason && after.reason) notes.push(after.reason);
  if (after.online !== before.online) notes.push(after.online ? "network up" : "network down");
  const head = notes.length ? `${where} (${notes.join(", ")})` : where;
  return effects.length ? `${head}: ${effects.map(effectName).join(", ")}` : head;
}

/** Every cell of the table. */
export function machineTable(): Record<TableState, Record<TableEvent, string>> {
  const rows = Object.keys(TABLE_STATES) as TableState[];
  const columns = Object.keys(TABLE_EVENTS) as TableEvent[];
  return Object.fromEntries(
    rows.map((row) => [row, Object.fromEntries(columns.map((c) => [c, describeCell(row, c)]))]),
  ) as Record<TableState, Record<TableEvent, string>>;
}

/** The table as markdown, one row per event (the long axis) and one column per state group. */
export function machineTableMarkdown(): string {
  const table = machineTable();
  const rows = Object.keys(TABLE_STATES) as TableState[];
  const columns = Object.keys(TABLE_EVENTS) as TableEvent[];
  const lines = [`| state | event | next |`, `| --- | --- | --- |`];
  for (const row of rows) {
    for (const column of columns) {
      const cell = table[row][column];
      if (cell !== "—") lines.push(`| ${row} | ${column} | ${cell} |`);
    }
  }
  return lines.join("\n");
}
