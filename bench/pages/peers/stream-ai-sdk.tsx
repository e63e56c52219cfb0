/**
 * `useChat` (`@ai-sdk/react`) in the streaming bench, fed by the agent's socket through a custom
 * `ChatTransport`, rendered as the AI SDK docs show (`messages.map`, each message's text
 * parts), with `experimental_throttle` when the run sets `throttleMs`.
 */
import { useChat } from "@ai-sdk/react";
import { useEffect, useState } from "react";
import { AgentSocket } from "./agent-socket";
import { SocketChatTransport } from "./socket-chat-transport";
import { addPeerStyles, registerStreamApp, type PeerStreamSetup } from "./stream-harness";

addPeerStyles();

function AiSdkChat({
  setup,
  setSend,
}: {
  setup: PeerStreamSetup;
  setSend: (send: (text: string) => void) => void;
}) {
  const [agent] = useState(() => new AgentSocket(setup.url));
  const [transport] = useState(() => new SocketChatTransport(agent));
  const throttleMs = setup.options.throttleMs;
  const { messages, sendMessage } = useChat({
    transport,
    ...(typeof throttleMs === "number" ? { experimental_throttle: throttleMs } : {}),
  });
  useEffect(() => () => agent.close(), [agent]);
  useEffect(() => {
    setSend((text) => void sendMessage({ text }));
  }, [sendMessage, setSend]);
  return (
    <section className="peer-chat" aria-label="Chat">
      <div className="peer-chat__log" role="log">
        {messages.map((message) => (
          <div key={message.id} className="peer-chat__message" data-role={message.role}>
            {message.parts.map((part, index) =>
              part.type === "text" ? <span key={index}>{part.text}</span> : null,
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

registerStreamApp({
  render: (setup, setSend) => <AiSdkChat setup={setup} setSend={setSend} />,
});
