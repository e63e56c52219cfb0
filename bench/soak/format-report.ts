import type { SoakReport } from "./run-soak";

const count = (n: number) => n.toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const signedMb = (bytes: number) => `${bytes >= 0 ? "+" : ""}${mb(bytes)}`;
const listing = (record: Record<string, number | undefined>) =>
  Object.entries(record)
    .map(([key, value]) => `${key} ${count(value ?? 0)}`)
    .join(", ") || "none";

/** With delivery on: the answers, the resends, and what agent restarts cost. */
function answerLines(report: SoakReport): string[] {
  const { answers, messages } = report;
  if (!answers) return [];
  const { evicted, "agent-restarted": restarted } = answers.resumeUnavailable;
  return [
    `  (delivery on: counted from the agent's side; ${count(messages.handedToSocketsTwice.length)} ` +
      `messages went out again on a new stream until acknowledged)`,
    `answers: ${count(answers.answered)} applied whole, ${count(answers.answeredTwice.length)} twice, ` +
      `${count(answers.answersOutOfOrder)} out of order, ` +
      `${count(answers.cutShortSilently.length)} cut short silently, ` +
      `${count(answers.answersMissing.length)} missing`,
    `agent restarts: ${count(answers.restarts)}; resume-unavailable ${count(restarted)} (agent-restarted), ` +
      `${count(evicted)} (evicted); ${count(answers.cutShortAnnounced)} answers cut short and ` +
      `${count(answers.answersLostToRestart.length)} lost with the killed process, ` +
      `${count(answers.handledAgainAfterRestart.length)} messages handed again to the new process ` +
      `(${count(answers.answeredAgainAfterRestart.length)} of them answered whole twice), ` +
      `${count(answers.acknowledgedThenKilled?.length ?? 0)} acknowledged and killed before being handed over`,
    `  outbox entries dropped while sent and never acknowledged (cannot be sent again): ` +
      `${count(answers.leftOutboxUnacknowledged?.length ?? 0)}` +
      (messages.lost > 0
        ? `, ${count(messages.lostDetail.filter((m) => answers.leftOutboxUnacknowledged?.includes(m.message)).length)} of the ${count(messages.lost)} lost`
        : ""),
  ];
}

/** The soak's figures as a few human-readable lines. */
export function formatReport(report: SoakReport): string {
  const { faults, messages, connection, provider, urls, resources, heap } = report;
  const recovery = connection.recoveryMs;
  const lines = [
    `faults: ${count(faults.total)} injected in ${(report.durationMs / 1000).toFixed(1)} s ` +
      `(${count(faults.scheduled)} scheduled + ${count(faults.providerFailures)} provider failures)`,
    `  by kind: ${listing(faults.byKind)}`,
    `messages: ${count(messages.accepted)} accepted by send(), ${count(messages.delivered)} reached the runtime, ` +
      `${count(messages.lost)} lost (${count(messages.lostOnAbnormalClose)} on sockets that died without a close handshake), ` +
      `${count(messages.duplicates.length)} duplicated, ${count(messages.outOfOrder)} out of order, ` +
      `${count(messages.refusedBySend)} refused by send()`,
    ...(messages.lost > 0 ? [`  lost by fault: ${listing(messages.lostByFault)}`] : []),
    ...answerLines(report),
    `reconnects: ${count(connection.reconnects)} (${count(connection.socketsCreated)} sockets created, ` +
      `${count(connection.socketsCreatedWhileOffline)} while offline); back to open after a fault: ` +
      `median ${recovery.median} ms, p95 ${recovery.p95} ms, max ${recovery.max} ms`,
    `provider: ${count(provider.calls)} calls, ${count(provider.injectedFailures)} failed on purpose, ` +
      `answered by the backend ${count(provider.answered.backend)} / in-process ${count(provider.answered.credentials)}, ` +
      `${count(provider.callsWhileOffline)} while offline`,
    `URLs: ${count(urls.attempts)} upgrades, ${count(urls.accepted)} accepted, ${count(urls.expiredAttempts)} with an expired URL ` +
      `(closest: ${urls.minMsLeftAtAttempt} ms before expiry), ${count(urls.otherSession)} for another session`,
    `  refused: ${listing(urls.refusedByStatus)}`,
    `  after ${count(urls.revocations)} revocations: ${count(urls.revokedAttempts)} attempts with a revoked URL ` +
      `(per revocation: median ${urls.revokedAttemptsPerRevocation.median}, max ${urls.revokedAttemptsPerRevocation.max}; ` +
      `stalled median ${urls.revocationStallMs.median} ms, max ${urls.revocationStallMs.max} ms)`,
    `resources: before ${listing(resources.before)}; after ${listing(resources.after)}; growth ${listing(resources.growth)}`,
    `  online listeners ${resources.onlineListeners} (max ${resources.maxOnlineListeners}), ` +
      `listeners left on closed sockets ${resources.listenersLeftOnClosedSockets}, ` +
      `live client sockets ${resources.liveClientSockets}, runtime streams ${resources.runtimeOpenConnections}`,
    `heap: baseline ${mb(heap.baselineBytes)}, max ${signedMb(heap.maxDeltaBytes)} between faults, ` +
      `end ${signedMb(heap.endDeltaBytes)}${heap.collected ? " after GC" : " (no GC: run node with --expose-gc)"} ` +
      `with ${count(heap.transcriptFrames)} transcript frames and ${count(heap.emulatorEvents)} events kept; ` +
      `${signedMb(heap.residualDeltaBytes)} once those and the soak's records are dropped`,
    `final status: ${connection.finalStatus}`,
    report.failures.length === 0
      ? "verdict: PASS"
      : `verdict: FAIL\n${report.failures.map((failure) => `  - ${failure}`).join("\n")}`,
  ];
  return lines.join("\n");
}
