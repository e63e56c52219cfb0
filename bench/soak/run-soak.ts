import { writeHeapSnapshot } from "node:v8";
import { join } from "node:path";
import { analyzeDelivery, analyzeUpgrades, summarize } from "./analyze";
import { judgeAnswers } from "./analyze-delivery";
import { AnswerTracker } from "./answer-tracker";
import { OutboxWatch } from "./outbox-watch";
import {
  deliveryFigures,
  deliverySettled,
  forgetDeliveryRecords,
  splitRestartLosses,
  type DeliveryProbe,
} from "./delivery-mode";
import { FaultInjector } from "./fault-injector";
import {
  DEFAULT_SEND_INTERVAL_MS,
  DELIVERY_SEND_INTERVAL_MS,
  MessageSender,
  messageNumber,
} from "./message-sender";
import { SeededRandom } from "./random";
import {
  canCollect,
  heapUsed,
  resourceGrowth,
  settledResources,
  type ResourceCounts,
} from "./resources";
import { buildSchedule, DELIVERY_FAULT_WEIGHTS, FAULT_WEIGHTS, type SkewBounds } from "./schedule";
import { judge, revocationOutcome, type SoakReport } from "./soak-report";
import { SOAK_CONNECTION_SETTINGS, startSoakWorld, type SoakWorld } from "./soak-world";
import { sleep, until, waitForSnapshot } from "./waits";

export type { SoakReport } from "./soak-report";

/** Options of {@link runSoak}. */
export interface SoakOptions {
  /** Seed of the fault schedule, the provider failures, the send pacing and the backoff jitter. */
  seed: number;
  /** How many faults to schedule. */
  faults: number;
  /** Lifetime of every presigned URL, in seconds (short, so URLs expire during the run). Default 5. */
  urlLifetimeSeconds?: number;
  /** Share of provider calls that fail. Default 0.2. */
  providerFailureRate?: number;
  /** Longest wait for the connection to recover from a fault before the run counts as stuck. */
  recoveryTimeoutMs?: number;
  /** Progress lines. */
  log?: (line: string) => void;
  /**
   * Delivery on (`acr-delivery/1`): the emulator forwards to the Python soak agent, the
   * connection has `delivery: deliveryProtocol()`, agent restarts and drops mid-send join the faults, and the
   * answers are checked too. Default false.
   */
  delivery?: boolean;
}

/**
 * The runtime may run up to 2 minutes ahead of or behind the client when the backend mints the
 * URLs (the connection corrects by the backend's `Date`); at most 1 s ahead when the client
 * signs in-process (it cannot learn the runtime's clock, and its URL safety margin is 2 s).
 */
const SKEW: SkewBounds = { backendMs: 120_000, inProcessAheadMs: 1_000 };

/**
 * Runs a seeded schedule of faults against the emulator on 127.0.0.1 while one
 * `AgentRuntimeConnection` (Node `ws`) keeps sending numbered messages, then checks delivery
 * (from the runtime's transcript), URL expiry (from its upgrade log), the final state and
 * resource use. Real sockets and short real delays: the schedule of faults is reproducible
 * from the seed, the exact interleaving with the network is not.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const urlLifetimeSeconds = options.urlLifetimeSeconds ?? 5;
  const providerFailureRate = options.providerFailureRate ?? 0.2;
  const timeoutMs = options.recoveryTimeoutMs ?? 20_000;
  const weights = options.delivery ? DELIVERY_FAULT_WEIGHTS : FAULT_WEIGHTS;
  const schedule = buildSchedule(new SeededRandom(options.seed), options.faults, SKEW, weights);
  const world = await startSoakWorld({
    seed: options.seed,
    urlLifetimeSeconds,
    providerFailureRate,
    delivery: options.delivery ?? false,
  });
  const { emulator, connection, registry, provider } = world;
  const probe: DeliveryProbe | undefined = world.agent && {
    agent: world.agent,
    answers: new AnswerTracker(connection),
    outbox: new OutboxWatch(connection, registry.gotIds),
  };
  if (process.env.SOAK_DEBUG) traceStatus(world, log);
  const interval = options.delivery ? DELIVERY_SEND_INTERVAL_MS : DEFAULT_SEND_INTERVAL_MS;
  const sender = new MessageSender(connection, new SeededRandom(options.seed ^ 0x51ed), interval);
  const injector = new FaultInjector(world, timeoutMs);
  const waitForOpen = (what: string) =>
    waitForSnapshot(connection, (snapshot) => snapshot.status === "open", timeoutMs, what);

  /** Stops sending, lets everything queued arrive and the agent finish, then counts resources. */
  const quiet = async (): Promise<ResourceCounts> => {
    sender.pause();
    await waitForOpen("open connection to settle");
    await until(
      () => connection.getSnapshot().outbox.every((entry) => entry.status !== "queued"),
      timeoutMs,
      "the outbox did not empty",
    );
    let frames = -1;
    await until(
      () => {
        const session = emulator.sessions.get(connection.sessionId);
        const now = session ? session.sent.length + session.received.length : 0;
        const idle = now === frames;
        frames = now;
        return idle;
      },
      timeoutMs,
      "the agent did not go quiet",
    );
    // A message lost for good never arrives: say so, and still count the resources.
    if (probe) {
      await until(
        () => deliverySettled(sender.accepted, probe),
        timeoutMs,
        "every accepted message handled and answered",
      ).catch((error: Error) => failures.push(error.message));
    }
    const release = await provider.hold();
    world.backend.closeIdleConnections();
    const counts = await settledResources();
    release();
    return counts;
  };

  const failures: string[] = [];
  const recoveries: number[] = [];
  let resourcesBefore: ResourceCounts = {};
  let heapBaseline = 0;
  let heapMax = 0;
  try {
    connection.connect();
    sender.start();
    await waitForOpen("first open");
    // The baseline is taken once every code path has run a few times.
    const warmup = Math.min(50, Math.floor(schedule.length / 10));
    for (const [index, fault] of schedule.entries()) {
      if (index === warmup) {
        resourcesBefore = await quiet();
        heapBaseline = heapMax = heapUsed(true);
        snapshotHeap("baseline");
        sender.resume();
      }
      const injectedAt = performance.now();
      await injector.inject(fault);
      if (fault.settle.waitForOpen) {
        await waitForOpen(`open connection after ${fault.kind}`);
        recoveries.push(performance.now() - injectedAt);
      }
      await sleep(fault.settle.pauseMs);
      heapMax = Math.max(heapMax, heapUsed());
      registry.pruneClosed();
      if ((index + 1) % 100 === 0) log(`${index + 1}/${schedule.length} faults`);
    }
    registry.currentFault = "none";
    await injector.changeClock(0, "backend");
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
  const resourcesAfter = await quiet().catch((error: Error) => {
    failures.push(error.message);
    return {} as ResourceCounts;
  });
  const heapEnd = heapUsed(true);

  const session = emulator.sessions.get(connection.sessionId);
  const figures = probe && deliveryFigures(probe, injector.byKind["agent-restart"] ?? 0);
  // With delivery on, what reached the agent is what the agent says it was handed.
  const received =
    figures?.received ??
    (session?.received ?? []).flatMap((entry) => {
      const n = typeof entry.data === "string" ? messageNumber(entry.data) : undefined;
      return n === undefined ? [] : [n];
    });
  const allLosses = analyzeDelivery(sender.accepted, received, registry.records, registry.handedAt);
  const split = probe && splitRestartLosses(allLosses, probe);
  const delivery = split?.delivery ?? allLosses;
  const upgrades = emulator.upgrades;
  const revocations = injector.revocations.map((afterSeq) => revocationOutcome(upgrades, afterSeq));
  const listeners = registry.listenerCounts();
  const opened = registry.records.filter((record) => record.opened).length;
  const transcriptFrames = session ? session.received.length + session.sent.length : 0;
  const emulatorEvents = emulator.events.length;

  const measured: Omit<SoakReport, "failures"> = {
    seed: options.seed,
    delivery: options.delivery ?? false,
    durationMs: Math.round(performance.now() - started),
    settings: {
      urlLifetimeSeconds,
      urlSafetyMarginMs: SOAK_CONNECTION_SETTINGS.urlSafetyMarginMs,
      prefetchMarginMs: SOAK_CONNECTION_SETTINGS.prefetchMarginMs,
      retry: SOAK_CONNECTION_SETTINGS.retry,
      providerFailureRate,
      skew: SKEW,
    },
    faults: {
      scheduled: injector.total,
      byKind: injector.byKind,
      providerFailures: provider.figures.injectedFailures,
      total: injector.total + provider.figures.injectedFailures,
    },
    messages: {
      ...delivery,
      refusedBySend: sender.refused,
      lost: delivery.lost.length,
      lostDetail: delivery.lost,
    },
    ...(figures && {
      answers: { ...figures.answers, acknowledgedThenKilled: split?.acknowledgedThenKilled },
    }),
    connection: {
      finalStatus: connection.getSnapshot().status,
      socketsCreated: registry.records.length,
      socketsOpened: opened,
      reconnects: Math.max(0, opened - 1),
      socketsCreatedWhileOffline: registry.records.filter((record) => record.createdOffline).length,
      recoveryMs: summarize(recoveries),
    },
    provider: { ...provider.figures, backendMinted: world.backend.minted() },
    urls: {
      ...analyzeUpgrades(upgrades, connection.sessionId),
      revocations: revocations.length,
      revokedAttemptsPerRevocation: summarize(revocations.map((r) => r.refusedAttempts)),
      revocationStallMs: summarize(
        revocations.flatMap((r) => (r.stallMs === undefined ? [] : [r.stallMs])),
      ),
    },
    resources: {
      before: resourcesBefore,
      after: resourcesAfter,
      growth: resourceGrowth(resourcesBefore, resourcesAfter),
      onlineListeners: world.online.listenerCount,
      maxOnlineListeners: world.online.maxListeners,
      listenersLeftOnClosedSockets: listeners.onClosedSockets,
      maxListenersOnLiveSocket: listeners.maxOnLiveSocket,
      liveClientSockets: registry.live.length,
      runtimeOpenConnections: emulator.openConnections,
      runtimeOpenSocketsForSession: session?.openSockets ?? 0,
    },
    heap: {
      collected: canCollect(),
      baselineBytes: heapBaseline,
      maxDeltaBytes: heapMax - heapBaseline,
      endDeltaBytes: heapEnd - heapBaseline,
      residualDeltaBytes: 0,
      transcriptFrames,
      emulatorEvents,
    },
  };
  // What is left once the records kept on purpose are gone is what the client side retains.
  forgetRecords(world, sender);
  forgetDeliveryRecords(probe);
  measured.heap.residualDeltaBytes = heapUsed(true) - heapBaseline;
  snapshotHeap("end");

  sender.stop();
  probe?.answers.stop();
  probe?.outbox.stop();
  await world.close();
  const answerFailures = figures ? judgeAnswers(figures.answers) : [];
  return { ...measured, failures: [...failures, ...judge(measured), ...answerFailures] };
}

/** With SOAK_HEAP_SNAPSHOTS=<dir>: a V8 heap snapshot there (to see what the heap delta is). */
function snapshotHeap(name: string): void {
  const dir = process.env.SOAK_HEAP_SNAPSHOTS;
  if (dir) writeHeapSnapshot(join(dir, `soak-${name}.heapsnapshot`));
}

/** Drops the transcripts, the event log and the soak's own records (after they were analysed). */
function forgetRecords(world: SoakWorld, sender: MessageSender): void {
  for (const session of world.emulator.sessions.values()) {
    session.received.length = 0;
    session.sent.length = 0;
  }
  (world.emulator.events as unknown[]).length = 0;
  world.registry.pruneClosed();
  world.registry.records.length = 0;
  world.registry.handedAt.clear();
  sender.accepted.length = 0;
}

/** With SOAK_DEBUG set: one line per change of status, with the fault injected last. */
function traceStatus(world: SoakWorld, log: (line: string) => void): void {
  let last = "";
  world.connection.subscribe(() => {
    const { status, reason, lastCloseCode } = world.connection.getSnapshot();
    const line = `${status} ${lastCloseCode} ${reason}`;
    if (line !== last) {
      log(`${performance.now().toFixed(0)} ${line} [${world.registry.currentFault}]`);
    }
    last = line;
  });
}
