/**
 * The AI SDK's minimal `useChat` chat, on AgentCore Runtime: the only AgentCore line is the
 * transport. (The example imports the library from `src/`, as the demo does; in your app the
 * import is `from "agentcore-react/ai-sdk"`.)
 */
import { useChat } from "@ai-sdk/react";
import { useState } from "react";
import { agentCoreTransport } from "../../src/ai-sdk";
import { urlProvider } from "./url-provider";

const transport = agentCoreTransport({ urlProvider });

export function Chat() {
  const { messages, sendMessage, status, stop, error } = useChat({ transport });
  const [input, setInput] = useState("");
  const busy = status === "submitted" || status === "streaming";

  return (
    <main style={{ maxWidth: 640, margin: "2rem auto", fontFamily: "system-ui, sans-serif" }}>
      {messages.map((message) => (
        <div key={message.id} style={{ whiteSpace: "pre-wrap", margin: "0.5rem 0" }}>
          <strong>{message.role === "user" ? "User: " : "AI: "}</strong>
          {message.parts.map((part, index) =>
            part.type === "text" ? <span key={index}>{part.text}</span> : null,
          )}
        </div>
      ))}

      {error && <p role="alert">Something went wrong: {error.message}</p>}

      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!input.trim()) return;
          void sendMessage({ text: input });
          setInput("");
        }}
      >
        <input
          aria-label="Message"
          value={input}
          placeholder="Say something..."
          onChange={(event) => setInput(event.target.value)}
        />
        {busy ? (
          <button type="button" onClick={() => void stop()}>
            Stop
          </button>
        ) : (
          <button type="submit">Send</button>
        )}
      </form>
    </main>
  );
}
