import type { IncomingMessage } from "node:http";
import type { AgentHandler } from "../agent-types";
import { agentHeaders } from "./custom-headers";
import type { ResolvedForward } from "./forward-options";
import { pingAgent } from "./ping";
import { relayTo } from "./relay";
import { openUpstream } from "./upstream";

/** An upgrade the agent container took: the relay to run, or how to let go of it. */
export type ForwardVerdict =
  | { ok: true; agent: AgentHandler; abandon: () => void }
  | { ok: false; status: number; code: string; reason: string };

/** The status the service answers when the agent container fails it (`RuntimeClientError`). */
const AGENT_FAILED = 424;

/**
 * Puts the emulator in front of an agent container, as the service is: each authenticated
 * upgrade checks the container's `GET /ping`, then opens its `/ws` with the session id and the
 * custom headers, and only then is the client's upgrade accepted and relayed to it. A container
 * that is down or refuses the upgrade makes the client's upgrade fail with 424.
 */
export class Forwarder {
  readonly config: ResolvedForward;

  constructor(config: ResolvedForward) {
    this.config = config;
  }

  /** Opens the agent's side of an upgrade for `sessionId`. Never rejects. */
  async open(req: IncomingMessage, sessionId: string): Promise<ForwardVerdict> {
    const ping = await pingAgent(this.config);
    if (!ping.ok) {
      const reason = `The agent container is not available: ${ping.reason}`;
      return { ok: false, status: AGENT_FAILED, code: "agent-unavailable", reason };
    }
    const opened = await openUpstream(this.config, agentHeaders(req, sessionId));
    if (!opened.ok) {
      const reason = `The agent container refused the stream: ${opened.reason}`;
      return { ok: false, status: AGENT_FAILED, code: "agent-refused", reason };
    }
    const { upstream } = opened;
    return {
      ok: true,
      agent: relayTo(upstream),
      abandon: () => upstream.close(1001, "The client went away"),
    };
  }
}
