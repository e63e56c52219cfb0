/**
 * `useChat` in the long-thread bench: the thread passed as `messages`, the composer's text in
 * `useState` beside `useChat` (the AI SDK docs' chat), and the list memoized per message
 * (`React.memo` rows), so typing re-renders the list's elements but not the rows.
 */
import { useChat } from "@ai-sdk/react";
import type { UIMessage } from "ai";
import { memo, useState } from "react";
import { addPeerStyles } from "./stream-harness";
import { registerThreadApp, type ThreadMessage } from "./thread-harness";

addPeerStyles();

const MessageRow = memo(function MessageRow({ message }: { message: UIMessage }) {
  return (
    <div className="peer-chat__message" data-role={message.role}>
      {message.parts.map((part, index) =>
        part.type === "text" ? <span key={index}>{part.text}</span> : null,
      )}
    </div>
  );
});

function ThreadChat({ initial }: { initial: UIMessage[] }) {
  // The default transport: nothing is sent here, the thread is only read and typed into.
  const { messages, sendMessage } = useChat({ messages: initial });
  const [input, setInput] = useState("");
  return (
    <section className="peer-chat" aria-label="Chat">
      <div className="peer-chat__log" role="log">
        {messages.map((message) => (
          <MessageRow key={message.id} message={message} />
        ))}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void sendMessage({ text: input });
          setInput("");
        }}
      >
        <textarea
          aria-label="Message"
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}

registerThreadApp({
  prepare: (messages: ThreadMessage[]): UIMessage[] =>
    messages.map((message, i) => ({
      id: `m${i}`,
      role: message.role,
      parts: [{ type: "text", text: message.text }],
    })),
  render: (prepared) => <ThreadChat initial={prepared as UIMessage[]} />,
});
