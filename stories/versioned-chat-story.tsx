import { useEffect, useMemo } from "react";
import { AgentChat, type AgentChatViewProps } from "../src/index";
import { createConversationStore } from "../src/store/create-conversation-store";
import { FakeConnection } from "../src/store/test-utils/fake-connection";
import type { Conversation } from "../src/store/conversation";

/** Answers per question: each new version of a turn gets the next one. */
const answers: Record<string, string[]> = {
  "How do I keep a session across reconnects?": [
    "Pass the same `sessionId` to the connection: AgentCore Runtime routes every socket with it to the same session, so the agent keeps its context.",
    "Reuse one runtime session id. The connection keeps it across reconnects for you; give your own with the `sessionId` option if the app must resume later.",
    "Keep the session id stable (33-256 characters); a reconnect on the same id reaches the same agent session.",
  ],
};

/** A conversation store on a fake connection whose agent answers each sent message. */
export function createVersionedChat(): Conversation<string> {
  const connection = new FakeConnection<string>({ sessionId: `story-session-${"0".repeat(24)}` });
  const store = createConversationStore({
    connection,
    scheduler: (run) => {
      const timer = setTimeout(run, 0);
      return () => clearTimeout(timer);
    },
  });
  const asked = new Map<string, number>();
  const answered = new Set<string>();
  connection.subscribe(() => {
    for (const entry of connection.getSnapshot().outbox) {
      if (entry.status !== "sent" || answered.has(entry.id)) continue;
      answered.add(entry.id);
      const times = asked.get(entry.message) ?? 0;
      asked.set(entry.message, times + 1);
      const text =
        answers[entry.message]?.[times % 3] ?? `You said: “${entry.message}”. A scripted answer.`;
      const messageId = `answer-${entry.id}`;
      connection.emit(
        { type: "message-start", messageId, role: "assistant" },
        { type: "text-delta", messageId, delta: text },
        { type: "message-end", messageId },
      );
    }
  });
  connection.open();
  return store;
}

/** Props of {@link VersionedAgentChat}. */
export interface VersionedAgentChatProps extends AgentChatViewProps {
  /** Acts on the conversation before it shows (send, regenerate, edit). */
  setup?: (store: Conversation<string>) => void;
}

/** `<AgentChat>` over a real conversation store whose scripted agent answers at once. */
export function VersionedAgentChat({ setup, ...props }: VersionedAgentChatProps) {
  const store = useMemo(() => {
    const created = createVersionedChat();
    setup?.(created);
    return created;
  }, [setup]);
  useEffect(() => () => store.destroy(), [store]);
  return <AgentChat chat={store} {...props} />;
}
