import type { AgentInterrupt, AgentReply, InterruptResponse, ToolResult } from "../codecs/types";
import { describeError } from "../core/describe-error";
import { listen, notify } from "../core/listeners";
import type { ReadableStore } from "../core/readable-store";
import type { ConversationState, ToolCallPart } from "./types";

/**
 * A tool the browser runs when the agent calls it: gets the parsed arguments, returns the
 * result (a string as it is, anything else as JSON). `signal` aborts when the user stops.
 */
export type ClientTool = (
  args: unknown,
  context: { signal: AbortSignal; call: ToolCallPart },
) => unknown;

/** Which tool calls need the user's approval: by tool name, or a predicate. */
export type ToolApprovalPolicy =
  Readonly<Record<string, boolean>> | ((call: ToolCallPart) => boolean);

/**
 * What the client does about one tool call or interrupt. `approval`: waiting for the user.
 * `running`: a client tool runs. `done`/`failed`: it ended (`result`, or `error`).
 * `interrupted`: the user stopped it. `decision` is the user's, once given.
 */
export interface ToolActivity {
  phase: "approval" | "running" | "done" | "failed" | "interrupted";
  decision?: "approved" | "denied";
  /** The reason the user gave with a denial. */
  reason?: string;
  result?: string;
  error?: string;
  /** The interrupt this activity answers, for an AG-UI interrupt. */
  interrupt?: AgentInterrupt;
}

/** The conversation a {@link ToolRunner} works on. */
export type ToolRunnerChat = ReadableStore<ConversationState<unknown>> & {
  sendReply?(reply: AgentReply): void;
};

/** What a {@link ToolRunner} runs and asks about. */
export interface ToolRunnerOptions {
  tools?: Readonly<Record<string, ClientTool>>;
  toolApproval?: ToolApprovalPolicy;
}

type Activities = ReadonlyMap<string, ToolActivity>;

function parseArgs(args: string): unknown {
  try {
    return args.trim() ? JSON.parse(args) : {};
  } catch {
    return args;
  }
}

const resultText = (value: unknown) =>
  typeof value === "string" ? value : (JSON.stringify(value) ?? "");

/**
 * Runs client tools and collects approvals for a conversation, framework-free. Tool calls that
 * appear after `start()` (its history is left alone) whose tool the app runs or marks for
 * approval, and every AG-UI interrupt, get an activity (keyed by tool call id, or by interrupt id
 * for an interrupt about no tool call). Results and answers are sent in one reply once nothing
 * waits for the user or a tool any more and the agent is not answering.
 */
export class ToolRunner {
  /** The conversation it works on. */
  readonly chat: ToolRunnerChat;
  options: ToolRunnerOptions = {};
  #activities: Activities = new Map();
  readonly #seen = new Set<string>();
  readonly #aborts = new Map<string, AbortController>();
  #outgoing: { toolResults: ToolResult[]; resume: InterruptResponse[] } = {
    toolResults: [],
    resume: [],
  };
  readonly #listeners = new Set<() => void>();

  constructor(chat: ToolRunnerChat) {
    this.chat = chat;
  }

  /** What the client does about each tool call and interrupt; a new map on every change. */
  getState = (): Activities => this.#activities;
  subscribe = (listener: () => void): (() => void) => listen(this.#listeners, listener);

  /** Watches the conversation; returns the function that stops watching and aborts tools. */
  start(): () => void {
    this.#scan(this.chat.getState(), true);
    const stop = this.chat.subscribe((state) => this.#scan(state, false));
    return () => {
      stop();
      this.abort();
    };
  }

  /** The user's answer to the approval `key` (a tool call id, or an interrupt id). */
  decide(key: string, approved: boolean, reason?: string): void {
    const activity = this.#activities.get(key);
    if (activity?.phase !== "approval") return;
    const decision = approved ? "approved" : "denied";
    const answer = approved ? { approved } : { approved, ...(reason ? { reason } : {}) };
    const given: ToolActivity = { ...activity, decision };
    if (reason && !approved) given.reason = reason;
    if (activity.interrupt) {
      this.#outgoing.resume.push({
        interruptId: activity.interrupt.id,
        status: "resolved",
        payload: answer,
      });
      this.#set(key, { ...given, phase: "done" });
    } else {
      const call = this.#call(key);
      const tool = call && this.options.tools?.[call.name];
      if (approved && call && tool) return this.#run(call, tool, given);
      this.#finish(key, { ...given, phase: "done", result: JSON.stringify(answer) });
    }
    this.#flush();
  }

  /**
   * Aborts every client tool still running; their results are not sent. Called when the user
   * stops an answer, and by the function `start()` returns.
   */
  abort(): void {
    for (const [key, controller] of this.#aborts) {
      controller.abort();
      const activity = this.#activities.get(key);
      if (activity) this.#set(key, { ...activity, phase: "interrupted" });
    }
    this.#aborts.clear();
  }

  #scan(state: ConversationState<unknown>, history: boolean): void {
    for (const message of state.messages) {
      // The user stopped an answer: client tools of the run stop too.
      if (message.status === "stopped" && !this.#seen.has(message.id)) {
        this.#seen.add(message.id);
        if (!history) this.abort();
      }
      for (const part of message.parts) {
        if (part.type !== "tool-call" || this.#seen.has(part.toolCallId)) continue;
        if (!history && part.status === "running") continue;
        this.#seen.add(part.toolCallId);
        if (!history && part.status === "complete" && part.result === undefined) this.#take(part);
      }
    }
    for (const interrupt of state.pendingInterrupts) {
      if (this.#seen.has(interrupt.id)) continue;
      this.#seen.add(interrupt.id);
      this.#set(interrupt.toolCallId ?? interrupt.id, { phase: "approval", interrupt });
    }
    this.#flush();
  }

  /** A new tool call: ask first, run it, or leave it to the agent. */
  #take(call: ToolCallPart): void {
    const policy = this.options.toolApproval;
    const ask = typeof policy === "function" ? policy(call) : policy?.[call.name] === true;
    const tool = this.options.tools?.[call.name];
    if (ask) this.#set(call.toolCallId, { phase: "approval" });
    else if (tool) this.#run(call, tool, {});
  }

  #run(call: ToolCallPart, tool: ClientTool, given: Omit<ToolActivity, "phase">): void {
    const key = call.toolCallId;
    const controller = new AbortController();
    this.#aborts.set(key, controller);
    this.#set(key, { ...given, phase: "running" });
    const settle = (activity: ToolActivity) => {
      if (controller.signal.aborted) return;
      this.#aborts.delete(key);
      this.#finish(key, activity);
      this.#flush();
    };
    Promise.resolve()
      .then(() => tool(parseArgs(call.args), { signal: controller.signal, call }))
      .then(
        (value) => settle({ ...given, phase: "done", result: resultText(value) }),
        (error: unknown) => settle({ ...given, phase: "failed", error: describeError(error) }),
      );
  }

  /** Records the outcome of a tool call and queues its result for the agent. */
  #finish(key: string, activity: ToolActivity): void {
    this.#set(key, activity);
    const content = activity.error ?? activity.result ?? "";
    const error = activity.error === undefined ? {} : { error: activity.error };
    this.#outgoing.toolResults.push({ toolCallId: key, content, ...error });
  }

  #call(toolCallId: string): ToolCallPart | undefined {
    for (const message of this.chat.getState().messages) {
      for (const part of message.parts) {
        if (part.type === "tool-call" && part.toolCallId === toolCallId) return part;
      }
    }
    return undefined;
  }

  /** Sends what is collected once nothing waits and the agent is not answering. */
  #flush(): void {
    const { toolResults, resume } = this.#outgoing;
    if (toolResults.length + resume.length === 0) return;
    const waiting = [...this.#activities.values()].some(
      (activity) => activity.phase === "approval" || activity.phase === "running",
    );
    if (waiting || this.chat.getState().isStreaming) return;
    this.#outgoing = { toolResults: [], resume: [] };
    const reply: AgentReply = {};
    if (toolResults.length) reply.toolResults = toolResults;
    if (resume.length) reply.resume = resume;
    try {
      this.chat.sendReply?.(reply);
    } catch {
      // The conversation reported it (its `error`); the calls keep the outcome shown.
    }
  }

  #set(key: string, activity: ToolActivity): void {
    const next = new Map(this.#activities);
    next.set(key, activity);
    this.#activities = next;
    notify(this.#listeners);
  }
}
