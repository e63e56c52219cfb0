import { isRecord } from "../core/option-checks";
import {
  malformed,
  optionalString,
  requireString,
  withOptional,
  type AgUiObject,
  type EventOf,
} from "./ag-ui-fields";
import type { AgentInterrupt, RunOutcome } from "./types";

const TYPE = "RUN_FINISHED";
const OUTCOMES: readonly RunOutcome[] = ["success", "interrupt", "cancelled"];

function interrupt(value: unknown): AgentInterrupt {
  if (!isRecord(value)) return malformed(TYPE, "outcome.interrupts");
  const read: AgUiObject = { ...value, type: TYPE };
  const schema = value.responseSchema;
  return withOptional<AgentInterrupt>(
    { id: requireString(read, "id"), reason: requireString(read, "reason") },
    {
      message: optionalString(read, "message"),
      toolCallId: optionalString(read, "toolCallId"),
      expiresAt: optionalString(read, "expiresAt"),
      responseSchema: isRecord(schema) ? schema : undefined,
    },
  );
}

/** `RUN_FINISHED`: its run id and, when the agent said, how the run ended and its interrupts. */
export function runFinished(event: AgUiObject): EventOf<"run-finished"> {
  const finished = withOptional<EventOf<"run-finished">>(
    { type: "run-finished" },
    { runId: optionalString(event, "runId") },
  );
  const outcome = event.outcome;
  if (outcome === undefined || outcome === null) return finished;
  if (!isRecord(outcome)) return malformed(TYPE, "outcome");
  const kind = OUTCOMES.find((known) => known === outcome.type);
  // An outcome from a later protocol version: the run is over all the same.
  if (kind === undefined) return finished;
  if (kind !== "interrupt") return { ...finished, outcome: kind };
  const interrupts = Array.isArray(outcome.interrupts) ? outcome.interrupts.map(interrupt) : [];
  return { ...finished, outcome: kind, interrupts };
}
