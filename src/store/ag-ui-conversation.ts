import { agUiCodec as plainAgUiCodec } from "../codecs/ag-ui-codec";
import type { AgentEvent, Codec } from "../codecs/types";
import type { ChatInput } from "../core/attachment-reference";
import { AgentState } from "./agent-state";
import { ChunkLanes } from "./chunk-lanes";
import {
  ConversationExtension,
  type ExtensionContext,
  type ExtensionEvents,
} from "./conversation-extension";
import { applyMoreEvent, type MoreEventsContext } from "./more-events";
import { Reasoning } from "./reasoning";

/** AG-UI's events beyond text, tool calls, runs and errors, for one conversation. */
class AgUiEvents implements ExtensionEvents {
  readonly #lanes = new ChunkLanes();
  readonly #state = new AgentState();
  readonly #reasoning: Reasoning;
  readonly #more: MoreEventsContext;
  readonly #report: (error: Error) => unknown;

  constructor(context: ExtensionContext) {
    this.#reasoning = new Reasoning(context.records);
    this.#more = { ...context, reasoning: this.#reasoning };
    this.#report = context.report;
  }

  get agentState(): unknown {
    return this.#state.value;
  }

  expand(event: AgentEvent): AgentEvent[] {
    return this.#lanes.expand(event);
  }

  apply(event: AgentEvent): void {
    if (event.type === "state-snapshot") this.#state.snapshot(event.snapshot);
    else if (event.type === "state-delta") {
      const failed = this.#state.delta(event.delta);
      if (failed) this.#report(failed);
    } else applyMoreEvent(this.#more, event);
  }

  adopt(id: string) {
    return this.#reasoning.adopt(id);
  }

  recordOf(id: string) {
    return this.#reasoning.recordOf(id);
  }

  endRun(): void {
    this.#reasoning.endRun();
  }
}

class AgUiConversation extends ConversationExtension {
  create(context: ExtensionContext): ExtensionEvents {
    return new AgUiEvents(context);
  }
}

/**
 * The store's support for AG-UI's reasoning, messages snapshots, activities, agent state and
 * chunks: what `agUiCodec.conversation` holds. A custom codec that decodes those events carries
 * it the same way.
 */
export const agUiConversation: ConversationExtension = /* @__PURE__ */ new AgUiConversation();

/** `codec` with the store's AG-UI support. */
export function withAgUiConversation(codec: Codec<ChatInput>): Codec<ChatInput> {
  return { ...codec, conversation: agUiConversation };
}

/** The AG-UI codec (see `createAgUiCodec`), carrying the store's AG-UI support. */
export const agUiCodec: Codec<ChatInput> = /* @__PURE__ */ withAgUiConversation(plainAgUiCodec);
