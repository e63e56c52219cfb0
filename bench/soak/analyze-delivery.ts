import type { AnswerTracker, CutShortAnswer } from "./answer-tracker";
import type { HandledMessage } from "./soak-agent-process";

/**
 * With delivery on: the agent's view (every message a process of the agent was handed) and the
 * client's (every answer it applied) against what `send()` accepted. What an agent restart
 * costs (a replay buffer gone) is counted apart, never as silent loss.
 */
export interface AnswerReport {
  /** Agent restarts injected (each one a killed process and a new one on the same port). */
  restarts: number;
  /** `resume-unavailable` events the client reported, by reason. */
  resumeUnavailable: { evicted: number; "agent-restarted": number };
  /** Messages a later process was handed again (the killed one took it, the `@got` was lost). */
  handledAgainAfterRestart: number[];
  /** Whole answers the client applied. */
  answered: number;
  /** Messages whose whole answer the client applied more than once (restarts aside). */
  answeredTwice: number[];
  /**
   * Messages answered whole a second time by the new process after a restart: the client had
   * the first answer (replayed) but not the `@got`, so it sent the message again, and the new
   * process, which remembers no ids, answered it again. Not counted in `answeredTwice` nor in
   * the order.
   */
  answeredAgainAfterRestart: number[];
  /** Places where a whole answer came before the answer of an earlier message. */
  answersOutOfOrder: number;
  /** Answers cut short that a `resume-unavailable` announced (the answer in flight at a restart). */
  cutShortAnnounced: number;
  /** Answers cut short without one: they ran into the next answer (a bug). */
  cutShortSilently: CutShortAnswer[];
  /** Handled messages with no whole answer, by a process that was killed later. */
  answersLostToRestart: number[];
  /** Handled messages with no whole answer though their process lived on (a bug). */
  answersMissing: number[];
  /** Whole answers to messages no process of the agent was handed. */
  answersUnexpected: number[];
  /** Error events the connection reported. */
  errorEvents: string[];
  /**
   * Messages whose outbox entry the connection dropped while `sent` and never acknowledged by
   * `@got`: it cannot send them again, so any of them the agent did not get is lost.
   */
  leftOutboxUnacknowledged?: number[];
  /**
   * Messages a process acknowledged (`@got`) and was killed before handing them over: lost with
   * the restart, announced by `resume-unavailable`, and not counted in `messages.lost`.
   */
  acknowledgedThenKilled?: number[];
}

/**
 * What reached the agent, once per process: a message a later process was handed again after
 * a restart is kept once here (and listed in `handledAgainAfterRestart`); a message one
 * process was handed twice stays twice (a duplicate).
 */
export function agentReceived(handled: readonly HandledMessage[]): {
  received: number[];
  handledAgainAfterRestart: number[];
} {
  const generations = new Map<number, Set<number>>();
  const received: number[] = [];
  const again = new Set<number>();
  for (const { message, generation } of handled) {
    const seen = generations.get(message) ?? new Set<number>();
    if (seen.size > 0 && !seen.has(generation)) again.add(message);
    else received.push(message);
    seen.add(generation);
    generations.set(message, seen);
  }
  return { received, handledAgainAfterRestart: [...again] };
}

/** Checks the client's answers against what the agent was handed (see {@link AnswerReport}). */
export function analyzeAnswers(
  handled: readonly HandledMessage[],
  answers: AnswerTracker,
  restarts: number,
  finalGeneration: number,
): AnswerReport {
  const lastGeneration = new Map<number, number>();
  for (const { message, generation } of handled) lastGeneration.set(message, generation);
  const again = new Set(agentReceived(handled).handledAgainAfterRestart);
  const times = new Map<number, number>();
  const answeredAgainAfterRestart: number[] = [];
  let answersOutOfOrder = 0;
  let highest = -1;
  for (const n of answers.completed) {
    if (times.has(n) && again.has(n)) {
      answeredAgainAfterRestart.push(n);
      continue;
    }
    times.set(n, (times.get(n) ?? 0) + 1);
    if (n < highest) answersOutOfOrder += 1;
    highest = Math.max(highest, n);
  }
  const answersLostToRestart: number[] = [];
  const answersMissing: number[] = [];
  for (const [n, generation] of lastGeneration) {
    if (times.has(n)) continue;
    (generation < finalGeneration ? answersLostToRestart : answersMissing).push(n);
  }
  return {
    restarts,
    resumeUnavailable: { ...answers.resumeUnavailable },
    handledAgainAfterRestart: [...again],
    answered: answers.completed.length,
    answeredTwice: [...times].filter(([, count]) => count > 1).map(([n]) => n),
    answeredAgainAfterRestart,
    answersOutOfOrder,
    cutShortAnnounced: answers.cutShort.filter((answer) => answer.announced).length,
    cutShortSilently: answers.cutShort.filter((answer) => !answer.announced),
    answersLostToRestart,
    answersMissing,
    answersUnexpected: [...times.keys()].filter((n) => !lastGeneration.has(n)),
    errorEvents: [...answers.errors],
  };
}

/** The delivery-on verdict on answers and restarts, in words (empty: it kept its promises). */
export function judgeAnswers(report: AnswerReport): string[] {
  const found: string[] = [];
  const list = (numbers: readonly number[]) => numbers.slice(0, 10).join(", ");
  if (report.answeredTwice.length > 0)
    found.push(
      `${report.answeredTwice.length} answer(s) applied twice: ${list(report.answeredTwice)}`,
    );
  if (report.answersOutOfOrder > 0)
    found.push(`${report.answersOutOfOrder} answer(s) applied out of order`);
  if (report.cutShortSilently.length > 0)
    found.push(`${report.cutShortSilently.length} answer(s) cut short with no resume-unavailable`);
  if (report.answersMissing.length > 0)
    found.push(
      `${report.answersMissing.length} handled message(s) never answered in full though no restart ` +
        `explains it: ${list(report.answersMissing)}`,
    );
  if (report.answersUnexpected.length > 0)
    found.push(`${report.answersUnexpected.length} answer(s) to messages the agent never had`);
  if (report.errorEvents.length > 0)
    found.push(
      `${report.errorEvents.length} error event(s): ${report.errorEvents.slice(0, 3).join("; ")}`,
    );
  const { evicted, "agent-restarted": restarted } = report.resumeUnavailable;
  if (evicted > 0) found.push(`${evicted} resume-unavailable (evicted) with a 1 MiB, 5 min buffer`);
  if (restarted > report.restarts)
    found.push(
      `${restarted} resume-unavailable (agent-restarted) for ${report.restarts} restart(s)`,
    );
  if (report.restarts > 0 && restarted === 0)
    found.push(`${report.restarts} agent restart(s) and no resume-unavailable`);
  if (report.answersLostToRestart.length + report.cutShortAnnounced > 0 && restarted === 0)
    found.push("answers lost to a restart with no resume-unavailable reported");
  return found;
}
