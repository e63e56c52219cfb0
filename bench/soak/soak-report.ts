import type { UpgradeEvent } from "agentcore-react-emulator";
import type { DeliveryReport, UrlReport, summarize } from "./analyze";
import type { AnswerReport } from "./analyze-delivery";
import type { ResourceCounts } from "./resources";
import type { FaultKind, SkewBounds } from "./schedule";
import type { ProviderFigures } from "./soak-provider";

type Summary = ReturnType<typeof summarize>;

/** Everything a soak run measured, and what it found wrong (`failures` empty: it passed). */
export interface SoakReport {
  seed: number;
  /** Whether the run had delivery on (`--delivery`). */
  delivery: boolean;
  durationMs: number;
  settings: {
    urlLifetimeSeconds: number;
    urlSafetyMarginMs: number;
    prefetchMarginMs: number;
    retry: { initialDelayMs: number; maxDelayMs: number };
    providerFailureRate: number;
    skew: SkewBounds;
  };
  faults: {
    scheduled: number;
    byKind: Partial<Record<FaultKind, number>>;
    providerFailures: number;
    total: number;
  };
  messages: Omit<DeliveryReport, "lost"> & {
    refusedBySend: number;
    lost: number;
    lostDetail: DeliveryReport["lost"];
  };
  /**
   * With delivery on: the client's answers and what agent restarts cost. (`messages` then
   * counts what the agent says it was handed; a message a new process was handed again after a
   * restart is in `answers.handledAgainAfterRestart`, not among the duplicates.)
   */
  answers?: AnswerReport;
  connection: {
    finalStatus: string;
    socketsCreated: number;
    socketsOpened: number;
    reconnects: number;
    /** Sockets the connection created while its online source said offline. */
    socketsCreatedWhileOffline: number;
    /** From a fault to the connection being open again (faults after which the soak waited). */
    recoveryMs: Summary;
  };
  provider: ProviderFigures & { backendMinted: number };
  urls: UrlReport & {
    revocations: number;
    revokedAttemptsPerRevocation: Summary;
    /** From the first upgrade attempt after a revocation to the next accepted one. */
    revocationStallMs: Summary;
  };
  resources: {
    before: ResourceCounts;
    after: ResourceCounts;
    growth: ResourceCounts;
    onlineListeners: number;
    maxOnlineListeners: number;
    listenersLeftOnClosedSockets: number;
    maxListenersOnLiveSocket: number;
    liveClientSockets: number;
    runtimeOpenConnections: number;
    runtimeOpenSocketsForSession: number;
  };
  heap: {
    collected: boolean;
    baselineBytes: number;
    /** Highest `heapUsed` seen between faults (no collection), minus the baseline. */
    maxDeltaBytes: number;
    /** After a collection at the end, minus the baseline. */
    endDeltaBytes: number;
    /** The same once the emulator's transcripts and event log and the soak's records are dropped. */
    residualDeltaBytes: number;
    transcriptFrames: number;
    emulatorEvents: number;
  };
  failures: string[];
}

/** After one revocation: refused attempts with a revoked URL before the next accepted upgrade. */
export function revocationOutcome(
  upgrades: readonly UpgradeEvent[],
  afterSeq: number,
): { refusedAttempts: number; stallMs: number | undefined } {
  let refusedAttempts = 0;
  let first: number | undefined;
  for (const upgrade of upgrades) {
    if (upgrade.seq <= afterSeq) continue;
    first ??= upgrade.at;
    if (upgrade.outcome === "accepted") return { refusedAttempts, stallMs: upgrade.at - first };
    if (upgrade.code === "expired") refusedAttempts += 1;
  }
  return { refusedAttempts, stallMs: undefined };
}

/** The soak's verdict: every broken promise, in words (empty: the run passed). */
export function judge(report: Omit<SoakReport, "failures">): string[] {
  const found: string[] = [];
  const { messages, urls, resources, connection } = report;
  if (messages.lost > 0) {
    found.push(
      `${messages.lost} message(s) accepted by send() never reached the runtime, ` +
        `${messages.lostOnAbnormalClose} of them handed to a socket that then died without a close handshake ` +
        `(by fault: ${JSON.stringify(messages.lostByFault)})`,
    );
  }
  if (messages.duplicates.length > 0)
    found.push(`${messages.duplicates.length} message(s) reached the runtime more than once`);
  if (messages.outOfOrder > 0) found.push(`${messages.outOfOrder} message(s) arrived out of order`);
  if (messages.unexpected.length > 0)
    found.push(`${messages.unexpected.length} message(s) arrived that send() never accepted`);
  // With delivery on, a message goes out again on every stream until the agent acknowledges it.
  if (!report.delivery && messages.handedToSocketsTwice.length > 0)
    found.push(`${messages.handedToSocketsTwice.length} message(s) were handed to two sockets`);
  if (urls.expiredAttempts > 0)
    found.push(`${urls.expiredAttempts} upgrade(s) used a URL past its expiry`);
  if (urls.otherSession > 0) found.push(`${urls.otherSession} upgrade(s) named another session`);
  if (connection.finalStatus !== "open")
    found.push(`the connection ended ${connection.finalStatus}, not open`);
  if (Object.keys(resources.growth).length > 0)
    found.push(`process resources grew: ${JSON.stringify(resources.growth)}`);
  if (resources.onlineListeners !== 1 || resources.maxOnlineListeners !== 1)
    found.push(
      `online listeners: ${resources.onlineListeners} at the end, ${resources.maxOnlineListeners} at most (expected 1)`,
    );
  if (resources.listenersLeftOnClosedSockets > 0)
    found.push(`${resources.listenersLeftOnClosedSockets} listener(s) left on closed sockets`);
  if (resources.liveClientSockets !== 1)
    found.push(`${resources.liveClientSockets} client sockets alive at the end (expected 1)`);
  if (resources.runtimeOpenConnections !== 1 || resources.runtimeOpenSocketsForSession !== 1)
    found.push(
      `the runtime holds ${resources.runtimeOpenConnections} open stream(s), ` +
        `${resources.runtimeOpenSocketsForSession} for the session (expected 1)`,
    );
  return found;
}
