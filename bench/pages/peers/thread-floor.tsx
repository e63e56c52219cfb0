/**
 * The floor of the long-thread bench's typing: the last message as text and a controlled
 * `<textarea>` and nothing else. What a keystroke costs here (the browser's editing, one React
 * commit, the wait for the next frame) every chat pays before it draws anything of its own.
 */
import { useState } from "react";
import { registerThreadApp, type ThreadMessage } from "./thread-harness";

function Floor({ last }: { last: string }) {
  const [draft, setDraft] = useState("");
  return (
    <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
      <p style={{ flex: 1 }}>{last}</p>
      <textarea value={draft} onChange={(event) => setDraft(event.target.value)} />
    </div>
  );
}

registerThreadApp({
  prepare: (messages: ThreadMessage[]) => messages.at(-1)?.text ?? "",
  render: (prepared) => <Floor last={prepared as string} />,
});
