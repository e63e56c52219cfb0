import type { DeliveryReport } from "./analyze";
import { agentReceived, analyzeAnswers, type AnswerReport } from "./analyze-delivery";
import type { AnswerTracker } from "./answer-tracker";
import type { OutboxWatch } from "./outbox-watch";
import type { SoakAgentProcess } from "./soak-agent-process";

/** What the soak keeps on the side with delivery on: the agent process and the client's answers. */
export interface DeliveryProbe {
  agent: SoakAgentProcess;
  answers: AnswerTracker;
  outbox: OutboxWatch;
}

/**
 * Whether everything has arrived: every accepted message handed to the agent (or acknowledged
 * by a process since killed), no answer half applied, and every handled message answered in full unless a restart took its answer.
 */
export function deliverySettled(accepted: readonly number[], probe: DeliveryProbe): boolean {
  const { agent, answers } = probe;
  if (answers.current !== "") return false;
  const last = new Map(agent.handled.map((entry) => [entry.message, entry.generation]));
  // A message a killed process acknowledged and never handed over will not come (see below).
  const acknowledged = agent.generation > 0 ? probe.outbox.acknowledged() : new Set<number>();
  if (!accepted.every((n) => last.has(n) || acknowledged.has(n))) return false;
  const answered = new Set(answers.completed);
  for (const [n, generation] of last) {
    if (!answered.has(n) && generation === agent.generation) return false;
  }
  return true;
}

/** The agent's view of what reached it (for the message checks), and the answers' report. */
export function deliveryFigures(
  probe: DeliveryProbe,
  restarts: number,
): { received: number[]; answers: AnswerReport } {
  const { agent, answers } = probe;
  return {
    received: agentReceived(agent.handled).received,
    answers: {
      ...analyzeAnswers(agent.handled, answers, restarts, agent.generation),
      leftOutboxUnacknowledged: probe.outbox.neverAcknowledged(),
    },
  };
}

/** Drops the records kept for the analysis (to measure what the client side retains). */
export function forgetDeliveryRecords(probe: DeliveryProbe | undefined): void {
  if (!probe) return;
  probe.agent.handled.length = 0;
  probe.answers.forget();
  probe.outbox.forget();
}

/**
 * Splits off the lost messages an agent process acknowledged (`@got`) and was killed before it
 * handed them to the application: the restart took them with its state, and the client was
 * told (`resume-unavailable`). Only the rest is silent loss.
 */
export function splitRestartLosses(
  delivery: DeliveryReport,
  probe: DeliveryProbe,
): { delivery: DeliveryReport; acknowledgedThenKilled: number[] } {
  const acknowledged = probe.outbox.acknowledged();
  const taken = (lost: DeliveryReport["lost"][number]) =>
    lost.fault === "agent-restart" && acknowledged.has(lost.message);
  const silent = delivery.lost.filter((lost) => !taken(lost));
  const lostByFault: Record<string, number> = {};
  for (const lost of silent) {
    const fault = lost.fault ?? "never handed to a socket";
    lostByFault[fault] = (lostByFault[fault] ?? 0) + 1;
  }
  return {
    delivery: {
      ...delivery,
      lost: silent,
      lostByFault,
      lostOnAbnormalClose: silent.filter((lost) => lost.closeCode === 1006).length,
    },
    acknowledgedThenKilled: delivery.lost.filter(taken).map((lost) => lost.message),
  };
}
