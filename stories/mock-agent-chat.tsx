import { useEffect, useState } from "react";
import { AgentChat, type AgentChatWithSocketProps } from "../src/index";
import { startMockAgent, type AgentScript, type MockAgent } from "./mock-agents";

/** Props of {@link MockAgentChat}: the chat's props (minus the transport) and the agent's script. */
export type MockAgentChatProps = Omit<AgentChatWithSocketProps, "urlProvider" | "WebSocket"> & {
  /** How the in-memory agent behaves. */
  agent: AgentScript;
};

/**
 * `<AgentChat urlProvider>` through the real hook, connection and text codec, against a
 * scripted agent on an in-memory WebSocket: what an app gets, minus the network.
 */
export function MockAgentChat({ agent: script, ...props }: MockAgentChatProps) {
  const [agent, setAgent] = useState<MockAgent | null>(null);
  // Started in an effect so that a StrictMode remount gets a fresh, running agent.
  useEffect(() => {
    const started = startMockAgent(script);
    setAgent(started);
    return () => started.stop();
  }, [script]);
  if (!agent) return null;
  return <AgentChat {...props} urlProvider={agent.urlProvider} WebSocket={agent.WebSocket} />;
}

/** An online source stuck offline, as `navigator.onLine === false` would be. */
export const alwaysOffline = {
  isOnline: () => false,
  subscribe: () => () => {},
};
