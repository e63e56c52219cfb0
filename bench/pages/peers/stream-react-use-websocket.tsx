/**
 * react-use-websocket in the streaming bench, as its README shows: `useWebSocket(url)`,
 * `lastMessage` read in an effect that calls `setState` for every message (here appending the
 * chunk to the answer instead of to a message list), `sendMessage` for the user's message.
 * With the run's `onMessage` option: the README's other way, `setState` in the `onMessage`
 * option, and `filter: () => false` so `lastMessage` (set with `flushSync`) never changes.
 */
import { useEffect, useState } from "react";
import useWebSocketExport from "react-use-websocket";
import { addPeerStyles, registerStreamApp, type PeerStreamSetup } from "./stream-harness";

addPeerStyles();

// The package is CommonJS with `exports.default`; a bundler that follows Node's interop (Vite's
// does here) hands the whole `exports` object to a default import.
const useWebSocket = (
  "default" in useWebSocketExport ? useWebSocketExport.default : useWebSocketExport
) as typeof useWebSocketExport;

function WebSocketChat({
  setup,
  setSend,
}: {
  setup: PeerStreamSetup;
  setSend: (send: (text: string) => void) => void;
}) {
  const [question, setQuestion] = useState<string | null>(null);
  const [answer, setAnswer] = useState("");
  const viaOnMessage = setup.options.onMessage === 1;
  const { sendMessage, lastMessage } = useWebSocket(
    setup.url,
    viaOnMessage
      ? {
          onMessage: (event: MessageEvent<string>) => {
            const frame = JSON.parse(event.data) as { text?: unknown };
            if (typeof frame.text === "string") {
              const chunk = frame.text;
              setAnswer((previous) => previous + chunk);
            }
          },
          filter: () => false,
        }
      : undefined,
  );

  useEffect(() => {
    if (lastMessage === null) return;
    const frame = JSON.parse(lastMessage.data as string) as { text?: unknown };
    if (typeof frame.text === "string") {
      const chunk = frame.text;
      setAnswer((previous) => previous + chunk);
    }
  }, [lastMessage]);

  useEffect(() => {
    setSend((text) => {
      setQuestion(text);
      sendMessage(JSON.stringify({ inputText: text }));
    });
  }, [sendMessage, setSend]);

  return (
    <section className="peer-chat" aria-label="Chat">
      <div className="peer-chat__log" role="log">
        {question !== null && (
          <div className="peer-chat__message" data-role="user">
            {question}
          </div>
        )}
        {answer && (
          <div className="peer-chat__message" data-role="assistant">
            {answer}
          </div>
        )}
      </div>
    </section>
  );
}

registerStreamApp({
  render: (setup, setSend) => <WebSocketChat setup={setup} setSend={setSend} />,
});
