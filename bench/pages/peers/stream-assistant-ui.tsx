/**
 * assistant-ui in the streaming bench: `useLocalRuntime` with a `ChatModelAdapter` fed by the
 * agent's socket, the thread built from its primitives. The prompt goes in through the
 * thread runtime's `append`, what its composer's Send calls.
 */
import { AssistantRuntimeProvider, useLocalRuntime } from "@assistant-ui/react";
import { useEffect, useState } from "react";
import { AgentSocket } from "./agent-socket";
import { AssistantUiThread } from "./assistant-ui-thread";
import { socketModelAdapter } from "./model-adapter";
import { addPeerStyles, registerStreamApp, type PeerStreamSetup } from "./stream-harness";

addPeerStyles();

function AssistantUiChat({
  setup,
  setSend,
}: {
  setup: PeerStreamSetup;
  setSend: (send: (text: string) => void) => void;
}) {
  const [agent] = useState(() => new AgentSocket(setup.url));
  const [adapter] = useState(() => socketModelAdapter(agent));
  const runtime = useLocalRuntime(adapter);
  useEffect(() => () => agent.close(), [agent]);
  useEffect(() => {
    setSend((text) => runtime.thread.append({ role: "user", content: [{ type: "text", text }] }));
  }, [runtime, setSend]);
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <AssistantUiThread />
    </AssistantRuntimeProvider>
  );
}

registerStreamApp({
  render: (setup, setSend) => <AssistantUiChat setup={setup} setSend={setSend} />,
});
