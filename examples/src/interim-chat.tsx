import { useState, type FormEvent } from "react";
import type { AgentRuntimeSocket } from "./lib";

/**
 * A plain chat (messages, input, Send, Stop) used until `<AgentChat>` is available. It uses the
 * same accessible names and classes as `<AgentChat>`, so the end-to-end tests work with both.
 */
export function InterimChatView({ chat }: { chat: AgentRuntimeSocket }) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    try {
      chat.send(text);
      setDraft("");
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <section className="acr-chat" aria-label="Chat with the agent">
      <div className="acr-message-list" role="log" aria-label="Conversation">
        {chat.messages.length === 0 && <p className="demo-empty">Ask the agent something.</p>}
        {chat.messages.map((message) => (
          <article
            key={message.id}
            className={`acr-message acr-message--${message.role}`}
            data-status={message.status}
          >
            <div className="acr-message__bubble">{message.text}</div>
            {message.status === "pending" && <p className="acr-message__note">Waiting to send…</p>}
            {message.status === "stopped" && <p className="acr-message__note">Stopped</p>}
            {message.status === "error" && (
              <p className="acr-message__note">{message.error ?? "Not delivered"}</p>
            )}
          </article>
        ))}
      </div>
      <form className="acr-composer" onSubmit={submit}>
        <label className="acr-visually-hidden" htmlFor="demo-composer">
          Message
        </label>
        <textarea
          id="demo-composer"
          rows={2}
          value={draft}
          placeholder="Write a message…"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) submit(event);
          }}
        />
        {chat.isStreaming && (
          <button type="button" onClick={chat.stop}>
            Stop
          </button>
        )}
        <button type="submit">Send</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </section>
  );
}
