import type { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import type { AgentEvent } from "../../src/codecs/types";

const ANSWER = /^ok m-(\d+)$/;

/** An answer that stopped before its end, and whether a `resume-unavailable` said so. */
export interface CutShortAnswer {
  text: string;
  /** A `resume-unavailable` event ended it (else it ran into the next answer unannounced). */
  announced: boolean;
}

/**
 * The client's view of the agent's answers with delivery on: it reads the connection's events
 * (`text-delta` … `message-end` per answer) into whole answers `ok m-N`, answers cut short, and
 * `resume-unavailable` events.
 */
export class AnswerTracker {
  /** Message numbers of whole answers, in the order the client applied them. */
  readonly completed: number[] = [];
  /** Answers a `resume-unavailable` ended, or that ran into the next one (not `ok m-N`). */
  readonly cutShort: CutShortAnswer[] = [];
  readonly resumeUnavailable = { evicted: 0, "agent-restarted": 0 };
  /** Error events (an unreadable frame, a codec error). */
  readonly errors: string[] = [];
  /** The text of the answer streaming now. */
  current = "";
  readonly #unsubscribe: () => void;

  constructor(connection: AgentRuntimeConnection) {
    this.#unsubscribe = connection.onEvent((event) => this.#take(event));
  }

  stop(): void {
    this.#unsubscribe();
  }

  /** Forgets what it recorded (after the analysis, to measure what the client retains). */
  forget(): void {
    this.completed.length = 0;
    this.cutShort.length = 0;
    this.errors.length = 0;
  }

  #take(event: AgentEvent): void {
    switch (event.type) {
      case "text-delta":
        this.current += event.delta;
        break;
      case "message-end": {
        const whole = ANSWER.exec(this.current);
        if (whole) this.completed.push(Number(whole[1]));
        else this.cutShort.push({ text: this.current, announced: false });
        this.current = "";
        break;
      }
      case "resume-unavailable":
        this.resumeUnavailable[event.reason] += 1;
        if (this.current !== "") this.cutShort.push({ text: this.current, announced: true });
        this.current = "";
        break;
      case "error":
        this.errors.push(`${event.code ?? ""} ${event.message}`.trim());
        break;
      default:
        break;
    }
  }
}
