import type { DeliverySession } from "agentcore-react/agent";
import { deliveryReply, streamAnswer, type AnswerPace } from "./answer";

/** What a message from the page asks for: a question, a cancel, or something unknown. */
function readMessage(payload: string): { question: string } | { cancel: true } | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { question: payload }; // plain text is a question too
  }
  if (typeof json !== "object" || json === null) return null;
  const record = json as Record<string, unknown>;
  if (record.type === "cancel" || record.action === "cancel") return { cancel: true };
  return typeof record.inputText === "string" ? { question: record.inputText } : null;
}

/**
 * One runtime session's conversation: it counts the turns and answers the questions in order,
 * one at a time. It lives as long as the container, not a stream: a dropped stream does not
 * stop an answer.
 */
export class Conversation {
  #turns = 0;
  #queue: Promise<void> = Promise.resolve();
  /** Bumped by a cancel: answers started or queued before it stop. */
  #generation = 0;

  constructor(private readonly pace: AnswerPace) {}

  /** Handles one message the delivery helper handed over (once per message id). */
  receive(payload: string, session: DeliverySession): void {
    const message = readMessage(payload);
    if (message === null) {
      session.send(JSON.stringify({ type: "error", message: 'Expected {"inputText": "..."}' }));
    } else if ("cancel" in message) {
      this.#generation += 1;
    } else {
      const generation = this.#generation;
      this.#queue = this.#queue.then(async () => {
        if (generation !== this.#generation) return; // cancelled while queued
        this.#turns += 1;
        const text = deliveryReply(message.question, this.#turns);
        await streamAnswer(session, text, this.pace, () => generation !== this.#generation);
      });
    }
  }
}
