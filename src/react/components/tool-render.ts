import type { ReactNode } from "react";
import type { ToolActivity } from "../../store/tool-runner";
import type { ToolCallPart } from "../../store/types";

/**
 * Where a tool call is, as the chat shows it: the store's status, or what the client does about
 * it (`approval` while it waits for the user, `running` while a client tool runs).
 */
export type ToolCallDisplayStatus = ToolCallPart["status"] | "approval";

/** What a {@link RenderTool} gets besides the call. */
export interface ToolRenderHelpers {
  /** The arguments parsed as JSON (`undefined` while they stream, or when they are not JSON). */
  args: unknown;
  /** The result parsed as JSON when it is, else as text; `undefined` until there is one. */
  result: unknown;
  status: ToolCallDisplayStatus;
  /** Why the call failed, when it did. */
  error: string | undefined;
  /** What the client does about the call (client tool, approval), if anything. */
  activity: ToolActivity | undefined;
  /** Approves the call, while `status` is `approval`. */
  approve(): void;
  /** Denies the call, with an optional reason, while `status` is `approval`. */
  deny(reason?: string): void;
  /** The built-in row, to wrap or show beside your component. */
  renderDefault(): ReactNode;
}

/**
 * Draws a tool call of one tool (generative UI): a component for its arguments or result. Set
 * per tool name with `<AgentChat renderTool={{ get_weather: (call, helpers) => ... }}>`.
 */
export type RenderTool = (call: ToolCallPart, helpers: ToolRenderHelpers) => ReactNode;

/** JSON text parsed, anything else as it is; `undefined` for nothing (or JSON still streaming). */
export function parsePayload(text: string | undefined, partial: boolean): unknown {
  if (text === undefined || text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return partial ? undefined : text;
  }
}

/** The status to show: the client's activity first, then the store's. */
export function displayStatus(
  call: ToolCallPart,
  activity: ToolActivity | undefined,
): ToolCallDisplayStatus {
  const phase = activity?.phase;
  // Run or decided here, while the agent's side of the call may still be running.
  if (phase === "done") return call.status === "running" ? "running" : "complete";
  return phase ?? call.status;
}
