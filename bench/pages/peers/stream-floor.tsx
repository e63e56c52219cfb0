/**
 * The floor of the streaming bench, not a peer: the page receives and parses the same frames
 * with a plain `WebSocket` and shows the answer once, when it is complete. What it costs is what
 * any chat pays for the stream itself (frame dispatch, JSON parsing) before drawing anything;
 * `npm run bench:streaming:profile` prints it beside ours.
 */
import { useEffect, useState } from "react";
import { addPeerStyles, registerStreamApp, type PeerStreamSetup } from "./stream-harness";

addPeerStyles();

function ReceiveOnly({
  setup,
  setSend,
}: {
  setup: PeerStreamSetup;
  setSend: (send: (text: string) => void) => void;
}) {
  const [answer, setAnswer] = useState("");
  useEffect(() => {
    const socket = new WebSocket(setup.url);
    let text = "";
    socket.onmessage = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as { text?: unknown; type?: unknown };
      if (typeof frame.text === "string") text += frame.text;
      if (frame.type === "done") setAnswer(text);
    };
    setSend((prompt) => socket.send(JSON.stringify({ inputText: prompt })));
    return () => socket.close();
  }, [setup.url, setSend]);
  return (
    <section className="peer-chat" aria-label="Chat">
      <div className="peer-chat__log" role="log">
        {answer && <div className="peer-chat__message">{answer}</div>}
      </div>
    </section>
  );
}

registerStreamApp({
  render: (setup, setSend) => <ReceiveOnly setup={setup} setSend={setSend} />,
});
