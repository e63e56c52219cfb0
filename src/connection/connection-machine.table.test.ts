import {
  describeCell,
  TABLE_EVENTS,
  TABLE_STATES,
  type TableEvent,
  type TableState,
} from "./test-utils/machine-table";

/**
 * The connection's state machine, cell by cell: every representative state against every kind
 * of event. A cell not listed for a state must leave that state exactly as it is, with no
 * effect ("—"). Written by hand: this is the specification the reducer must meet.
 */
const EXPECTED: Record<TableState, Partial<Record<TableEvent, string>>> = {
  idle: {
    connect: "connecting · waiting: watch online, attempt now",
    reconnect:
      "connecting · waiting: close socket, abort provider request, watch online, attempt now",
    close: "closed (closed): close socket, shut down",
    offline: "idle (network down)",
  },
  "idle · the agent ended the stream": {
    connect: "connecting · waiting: watch online, attempt now",
    reconnect:
      "connecting · waiting: close socket, abort provider request, watch online, attempt now",
    close: "closed (closed): close socket, shut down",
    "message queued": "connecting · waiting: watch online, attempt now",
    offline: "idle (network down)",
  },
  "connecting · waiting": {
    reconnect:
      "connecting · waiting: close socket, abort provider request, watch online, attempt now",
    close: "closed (closed): close socket, shut down",
    "attempt due": "connecting · preparing: get URL",
    offline: "connecting (offline, network down)",
  },
  "connecting · preparing": {
    reconnect:
      "connecting · waiting: close socket, abort provider request, watch online, attempt now",
    close: "closed (closed): close socket, shut down",
    "URL ready": "connecting · opening: open socket",
    "URL expired": "connecting · waiting (attempt 1, expired-url): discard URL, attempt in 250 ms",
    "provider failed": "connecting · waiting (attempt 1, provider-failed): attempt in 250 ms",
    "provider timed out": "connecting · waiting (attempt 1, provider-timeout): attempt in 250 ms",
    offline: "connecting · preparing (offline, network down)",
  },
  "connecting · opening": {
    reconnect:
      "connecting · waiting: close socket, abort provider request, watch online, attempt now",
    close: "closed (closed): close socket, shut down",
    "socket error":
      "connecting · waiting (attempt 1, socket-error): discard URL, attempt in 250 ms",
    "no WebSocket": "failed (no-websocket): close socket, shut down",
    "socket open": "open: flush, prefetch",
    "handshake timeout":
      "connecting · waiting (attempt 1, handshake-timeout): close socket, attempt in 250 ms",
    "closed 1000": "idle (agent-closed): close socket, shut down",
    "closed 1000, unread":
      "connecting · waiting: close socket, shut down, queue unread messages again, watch online, attempt now",
    "closed 1000, message waiting":
      "connecting · waiting: close socket, shut down, watch online, attempt now",
    "closed 1006": "connecting · waiting (attempt 1, connection-lost): attempt in 250 ms",
    "closed 1006, unacknowledged":
      "connecting · waiting (attempt 1, connection-lost): queue unread messages again, attempt in 250 ms",
    "closed 1008":
      "connecting · waiting (attempt 1, policy-violation): discard URL, attempt in 250 ms",
    "closed 1009":
      "connecting · waiting (attempt 1, message-too-big): fail message, attempt in 250 ms",
    "closed before open":
      "connecting · waiting (attempt 1, not-opened): discard URL, attempt in 250 ms",
    "closed at 60 min": "reconnecting · waiting (stream-lifetime): attempt now",
    offline: "connecting · opening (offline, network down)",
  },
  "connecting · offline": {
    reconnect:
      "connecting · waiting (network up): close socket, abort provider request, watch online, attempt now",
    close: "closed (closed): close socket, shut down",
    online: "connecting · waiting (network up): attempt now",
  },
  open: {
    reconnect:
      "reconnecting · waiting: close socket, abort provider request, watch online, attempt now",
    close: "closed (closed): close socket, shut down",
    stop: "reconnecting · waiting (stopped): close socket, attempt now",
    "stop (cancel frame)": "open: send cancel",
    "closed 1000": "idle (agent-closed): close socket, shut down",
    "closed 1000, unread":
      "connecting · waiting: close socket, shut down, queue unread messages again, watch online, attempt now",
    "closed 1000, message waiting":
      "connecting · waiting: close socket, shut down, watch online, attempt now",
    "closed 1006": "reconnecting · waiting (attempt 1, connection-lost): attempt in 250 ms",
    "closed 1006, unacknowledged":
      "reconnecting · waiting (attempt 1, connection-lost): queue unread messages again, attempt in 250 ms",
    "closed 1008":
      "reconnecting · waiting (attempt 1, policy-violation): discard URL, attempt in 250 ms",
    "closed 1009":
      "reconnecting · waiting (attempt 1, message-too-big): fail message, attempt in 250 ms",
    "closed before open":
      "reconnecting · waiting (attempt 1, not-opened): discard URL, attempt in 250 ms",
    "closed at 60 min": "reconnecting · waiting (stream-lifetime): attempt now",
    offline: "open (network down)",
  },
  "open · after failures": {
    reconnect:
      "reconnecting · waiting (attempt 0): close socket, abort provider request, watch online, attempt now",
    close: "closed (attempt 0, closed): close socket, shut down",
    stop: "reconnecting · waiting (stopped): close socket, attempt now",
    "stop (cancel frame)": "open: send cancel",
    "stream healthy": "open (attempt 0)",
    "closed 1000": "idle (attempt 0, agent-closed): close socket, shut down",
    "closed 1000, unread":
      "connecting · waiting (attempt 0): close socket, shut down, queue unread messages again, watch online, attempt now",
    "closed 1000, message waiting":
      "connecting · waiting (attempt 0): close socket, shut down, watch online, attempt now",
    "closed 1006": "reconnecting · waiting (attempt 3, connection-lost): attempt in 1000 ms",
    "closed 1006, unacknowledged":
      "reconnecting · waiting (attempt 3, connection-lost): queue unread messages again, attempt in 1000 ms",
    "closed 1008":
      "reconnecting · waiting (attempt 3, policy-violation): discard URL, attempt in 1000 ms",
    "closed 1009":
      "reconnecting · waiting (attempt 3, message-too-big): fail message, attempt in 1000 ms",
    "closed before open":
      "reconnecting · waiting (attempt 3, not-opened): discard URL, attempt in 1000 ms",
    "closed at 60 min": "reconnecting · waiting (stream-lifetime): attempt now",
    offline: "open (network down)",
  },
  "reconnecting · waiting": {
    reconnect:
      "reconnecting · waiting (attempt 0): close socket, abort provider request, watch online, attempt now",
    close: "closed (attempt 0, closed): close socket, shut down",
    "attempt due": "reconnecting · preparing: get URL",
    offline: "reconnecting (offline, network down)",
  },
  "reconnecting · preparing": {
    reconnect:
      "reconnecting · waiting (attempt 0): close socket, abort provider request, watch online, attempt now",
    close: "closed (attempt 0, closed): close socket, shut down",
    "URL ready": "reconnecting · opening: open socket",
    "URL expired":
      "reconnecting · waiting (attempt 2, expired-url): discard URL, attempt in 500 ms",
    "provider failed": "reconnecting · waiting (attempt 2, provider-failed): attempt in 500 ms",
    "provider timed out": "reconnecting · waiting (attempt 2, provider-timeout): attempt in 500 ms",
    offline: "reconnecting · preparing (offline, network down)",
  },
  "reconnecting · opening": {
    reconnect:
      "reconnecting · waiting (attempt 0): close socket, abort provider request, watch online, attempt now",
    close: "closed (attempt 0, closed): close socket, shut down",
    "socket error":
      "reconnecting · waiting (attempt 2, socket-error): discard URL, attempt in 500 ms",
    "no WebSocket": "failed (no-websocket): close socket, shut down",
    "socket open": "open: flush, prefetch",
    "handshake timeout":
      "reconnecting · waiting (attempt 2, handshake-timeout): close socket, attempt in 500 ms",
    "closed 1000": "idle (attempt 0, agent-closed): close socket, shut down",
    "closed 1000, unread":
      "connecting · waiting (attempt 0): close socket, shut down, queue unread messages again, watch online, attempt now",
    "closed 1000, message waiting":
      "connecting · waiting (attempt 0): close socket, shut down, watch online, attempt now",
    "closed 1006": "reconnecting · waiting (attempt 2, connection-lost): attempt in 500 ms",
    "closed 1006, unacknowledged":
      "reconnecting · waiting (attempt 2, connection-lost): queue unread messages again, attempt in 500 ms",
    "closed 1008":
      "reconnecting · waiting (attempt 2, policy-violation): discard URL, attempt in 500 ms",
    "closed 1009":
      "reconnecting · waiting (attempt 2, message-too-big): fail message, attempt in 500 ms",
    "closed before open":
      "reconnecting · waiting (attempt 2, not-opened): discard URL, attempt in 500 ms",
    "closed at 60 min": "reconnecting · waiting (stream-lifetime): attempt now",
    offline: "reconnecting · opening (offline, network down)",
  },
  "reconnecting · offline": {
    reconnect:
      "reconnecting · waiting (attempt 0, network up): close socket, abort provider request, watch online, attempt now",
    close: "closed (attempt 0, closed): close socket, shut down",
    online: "reconnecting · waiting (network up): attempt now",
  },
  closed: {
    connect: "connecting · waiting: watch online, attempt now",
    reconnect:
      "connecting · waiting: close socket, abort provider request, watch online, attempt now",
    close: "closed: close socket, shut down",
    offline: "closed (network down)",
  },
  failed: {
    connect: "connecting · waiting (attempt 0): watch online, attempt now",
    reconnect:
      "connecting · waiting (attempt 0): close socket, abort provider request, watch online, attempt now",
    close: "closed (attempt 0, closed): close socket, shut down",
    offline: "failed (network down)",
  },
};

const rows = Object.keys(TABLE_STATES) as TableState[];
const columns = Object.keys(TABLE_EVENTS) as TableEvent[];

describe("the connection state machine, state × event", () => {
  it.each(rows.flatMap((row) => columns.map((column) => [row, column] as const)))(
    "%s × %s",
    (row, column) => {
      expect(describeCell(row, column)).toBe(EXPECTED[row][column] ?? "—");
    },
  );

  it("names only states and events of the table", () => {
    for (const [row, cells] of Object.entries(EXPECTED)) {
      expect(rows).toContain(row);
      for (const column of Object.keys(cells)) expect(columns).toContain(column);
    }
  });
});
