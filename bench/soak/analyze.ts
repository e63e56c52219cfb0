import type { UpgradeEvent } from "agentcore-react-emulator";
import type { SocketRecord } from "./tracking-websocket";

/** One message that `send()` accepted and the runtime never received, and where it went. */
export interface LostMessage {
  message: number;
  /** The client socket it was handed to (none: it was never handed to a socket). */
  socket: number | undefined;
  /** The close code the client saw on that socket. */
  closeCode: number | undefined;
  /** The fault injected last when that socket closed. */
  fault: string | undefined;
  /** Bytes that socket had not flushed when it reported its close. */
  bufferedAtClose: number | undefined;
  /**
   * Milliseconds from the fault (the runtime dropping the stream) to handing it to the socket:
   * positive when the client wrote into a stream the runtime had already dropped. Unknown for
   * faults that fire on a later frame.
   */
  msAfterFault: number | undefined;
  /** Milliseconds from handing it to the socket to the client seeing that socket close. */
  msBeforeClose: number | undefined;
}

/** Whether every accepted message reached the runtime exactly once, in order. */
export interface DeliveryReport {
  accepted: number;
  /** Distinct accepted messages in the runtime's transcript. */
  delivered: number;
  lost: LostMessage[];
  /** Messages the runtime received more than once. */
  duplicates: number[];
  /** Places where the runtime received a message before one sent earlier. */
  outOfOrder: number;
  /** Messages the runtime received that `send()` never accepted. */
  unexpected: number[];
  /** Messages the connection handed to more than one socket. */
  handedToSocketsTwice: number[];
  /** Lost messages by the fault that closed their socket. */
  lostByFault: Record<string, number>;
  /**
   * Lost messages that went to a socket that died without a close handshake (1006): the
   * connection's documented at-most-once window. Any other loss is a plain bug.
   */
  lostOnAbnormalClose: number;
}

export function analyzeDelivery(
  accepted: readonly number[],
  received: readonly number[],
  sockets: readonly SocketRecord[],
  handedAt: ReadonlyMap<number, number>,
): DeliveryReport {
  const acceptedSet = new Set(accepted);
  const seen = new Map<number, number>();
  let outOfOrder = 0;
  let highest = -1;
  const unexpected: number[] = [];
  for (const n of received) {
    seen.set(n, (seen.get(n) ?? 0) + 1);
    if (!acceptedSet.has(n)) unexpected.push(n);
    if (n < highest) outOfOrder += 1;
    highest = Math.max(highest, n);
  }
  const handedTo = new Map<number, SocketRecord[]>();
  for (const socket of sockets) {
    for (const n of socket.sent) handedTo.set(n, [...(handedTo.get(n) ?? []), socket]);
  }
  const lost: LostMessage[] = [];
  const lostByFault: Record<string, number> = {};
  for (const n of accepted) {
    if (seen.has(n)) continue;
    const socket = handedTo.get(n)?.at(-1);
    const sent = handedAt.get(n);
    const fault = socket?.faultAtClose;
    lostByFault[fault ?? "never handed to a socket"] =
      (lostByFault[fault ?? "never handed to a socket"] ?? 0) + 1;
    lost.push({
      message: n,
      socket: socket?.id,
      closeCode: socket?.closeCode,
      fault,
      bufferedAtClose: socket?.bufferedAtClose,
      msAfterFault:
        socket?.faultInjectedAt !== undefined && sent !== undefined
          ? Math.round((sent - socket.faultInjectedAt) * 100) / 100
          : undefined,
      msBeforeClose:
        socket?.closedAt !== undefined && sent !== undefined
          ? Math.round((socket.closedAt - sent) * 100) / 100
          : undefined,
    });
  }
  return {
    accepted: accepted.length,
    delivered: [...seen.keys()].filter((n) => acceptedSet.has(n)).length,
    lost,
    duplicates: [...seen].filter(([, count]) => count > 1).map(([n]) => n),
    outOfOrder,
    unexpected,
    handedToSocketsTwice: [...handedTo].filter(([, list]) => list.length > 1).map(([n]) => n),
    lostByFault,
    lostOnAbnormalClose: lost.filter((message) => message.closeCode === 1006).length,
  };
}

/** What the runtime's upgrade log says about the URLs the client used. */
export interface UrlReport {
  attempts: number;
  accepted: number;
  refusedByStatus: Record<string, number>;
  /** Attempts with a URL already past `X-Amz-Date + X-Amz-Expires` on the runtime's clock. */
  expiredAttempts: number;
  /** Of those, accepted ones (the emulator would have to be wrong). */
  expiredAccepted: number;
  /** Attempts refused because the soak revoked every URL issued before a moment. */
  revokedAttempts: number;
  /** The closest any attempt came to its URL's expiry, in ms (runtime clock). */
  minMsLeftAtAttempt: number | null;
  /** Upgrades for another session than the conversation's. */
  otherSession: number;
}

const REVOKED_REASON = /expired all earlier URLs/;

export function analyzeUpgrades(upgrades: readonly UpgradeEvent[], sessionId: string): UrlReport {
  const refusedByStatus: Record<string, number> = {};
  let expiredAttempts = 0;
  let expiredAccepted = 0;
  let revokedAttempts = 0;
  let minMsLeft: number | null = null;
  let otherSession = 0;
  for (const upgrade of upgrades) {
    if (upgrade.outcome === "refused") {
      const key = `${upgrade.status} ${upgrade.code ?? ""}`.trim();
      refusedByStatus[key] = (refusedByStatus[key] ?? 0) + 1;
    }
    if (upgrade.sessionId !== undefined && upgrade.sessionId !== sessionId) otherSession += 1;
    if (upgrade.code === "expired" && REVOKED_REASON.test(upgrade.reason ?? "")) {
      revokedAttempts += 1;
    }
    if (upgrade.expiresAt === undefined) continue;
    const left = upgrade.expiresAt - upgrade.at;
    minMsLeft = minMsLeft === null ? left : Math.min(minMsLeft, left);
    if (left < 0) {
      expiredAttempts += 1;
      if (upgrade.outcome === "accepted") expiredAccepted += 1;
    }
  }
  return {
    attempts: upgrades.length,
    accepted: upgrades.filter((upgrade) => upgrade.outcome === "accepted").length,
    refusedByStatus,
    expiredAttempts,
    expiredAccepted,
    revokedAttempts,
    minMsLeftAtAttempt: minMsLeft,
    otherSession,
  };
}

/** Median, 95th percentile and maximum of a list of numbers (rounded to 0.1). */
export function summarize(values: readonly number[]): {
  count: number;
  median: number | null;
  p95: number | null;
  max: number | null;
} {
  if (values.length === 0) return { count: 0, median: null, p95: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    count: values.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1]!),
  };
}
