import type { DeliveryProtocol } from "../../src/delivery";
import { WebSocket as NodeWebSocket } from "ws";
import { DEMO_CREDENTIALS, startEmulator, type Emulator } from "agentcore-react-emulator";
import {
  AgentRuntimeConnection,
  type Codec,
  type Conversation,
  type ConversationState,
} from "../../src/index";
import { credentialsUrlProvider } from "../../src/signing";
import { PythonAgent, type AgentRequests, type AgentScript } from "./python-agents";

/**
 * What the interop tests share: a real Python agent process behind the emulator's `forward`,
 * and a library connection to it over Node `ws`.
 */

export const RUNTIME_ARN =
  "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/interop_agent-A1b2C3";
export const CUSTOM_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-User";

export interface Stack {
  agent: PythonAgent;
  emulator: Emulator;
}

export async function startStack(
  script: AgentScript,
  requests: AgentRequests = "one",
): Promise<Stack> {
  const agent = await PythonAgent.start(script, requests);
  try {
    const emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, forward: agent.url });
    return { agent, emulator };
  } catch (error) {
    await agent.stop();
    throw error;
  }
}

export async function stopStack(stack: Stack | undefined): Promise<void> {
  await stack?.emulator.close();
  await stack?.agent.stop();
}

/** A connection to the runtime on the emulator, with presigned URLs that carry a custom header. */
export function connectionTo<Outgoing = string>(
  emulator: Emulator,
  codec?: Codec<Outgoing>,
  options: { delivery?: DeliveryProtocol } = {},
) {
  return new AgentRuntimeConnection<Outgoing>({
    urlProvider: credentialsUrlProvider({
      runtimeArn: RUNTIME_ARN,
      credentials: DEMO_CREDENTIALS,
      endpoint: emulator.url,
      customParams: { [CUSTOM_HEADER]: "ada lovelace" },
    }),
    WebSocket: NodeWebSocket,
    ...(codec ? { codec } : {}),
    ...options,
  });
}

/** Resolves with the first state of `conversation` that satisfies `predicate`. */
export function stateWhere<Outgoing>(
  conversation: Conversation<Outgoing>,
  predicate: (state: ConversationState<Outgoing>) => boolean,
  what: string,
): Promise<ConversationState<Outgoing>> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const state = conversation.getState();
      if (!predicate(state)) return;
      cleanup();
      resolve(state);
    };
    const unsubscribe = conversation.subscribe(check);
    const safetyNet = setTimeout(() => {
      cleanup();
      reject(
        new Error(`timed out waiting for ${what}: ${JSON.stringify(conversation.getState())}`),
      );
    }, 30_000);
    function cleanup() {
      unsubscribe();
      clearTimeout(safetyNet);
    }
    check();
  });
}

/** The answers are complete and the agent closed the stream (the connection rests idle). */
export const answeredAndIdle = (answers: number) => (state: ConversationState<unknown>) =>
  state.messages.filter((m) => m.role === "assistant" && m.status === "complete").length ===
    answers &&
  state.connection.status === "idle" &&
  state.connection.reason === "agent-closed";
