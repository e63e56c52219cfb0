import { deliveryReply } from "../../examples/delivery-agent/answer";

/** How one cycle's answer turned out, read from the page. */
export type AnswerVerdict =
  /** Whole, once, and the agent's next turn: the message reached it exactly once. */
  | { kind: "whole"; turn: number }
  /** The agent counted more turns than messages: a message was handed to it twice. */
  | { kind: "handed-twice"; turn: number; expectedTurn: number }
  /** The agent counted fewer turns: a message never reached it, or the session was lost. */
  | { kind: "turn-missing"; turn: number; expectedTurn: number }
  /** The text differs from the agent's reply: frames lost, repeated or out of order. */
  | { kind: "corrupted"; text: string; expected: string }
  /** The answer ended as interrupted (no agent restarts here, so never expected). */
  | { kind: "interrupted" }
  /** No answer within the cycle's time. */
  | { kind: "missing" };

const TURN = /^Turn (\d+) of this session\. /;

/**
 * Checks the answer the page shows for `input` against the reply the delivery demo agent
 * sends on the session's turn `expectedTurn` (its turn counter proves it was handed each
 * message exactly once, in order).
 */
export function checkAnswer(input: string, text: string, expectedTurn: number): AnswerVerdict {
  const turn = Number(TURN.exec(text)?.[1] ?? Number.NaN);
  if (!Number.isInteger(turn)) {
    return { kind: "corrupted", text, expected: deliveryReply(input, expectedTurn) };
  }
  const expected = deliveryReply(input, turn);
  if (text !== expected) return { kind: "corrupted", text, expected };
  if (turn > expectedTurn) return { kind: "handed-twice", turn, expectedTurn };
  if (turn < expectedTurn) return { kind: "turn-missing", turn, expectedTurn };
  return { kind: "whole", turn };
}
