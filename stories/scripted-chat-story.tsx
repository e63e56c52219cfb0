import { useEffect, useMemo, useRef } from "react";
import { AgentChat, type AgentChatViewProps } from "../src/index";
import {
  createScriptedChat,
  type ScriptedChat,
  type ScriptedChatOptions,
} from "../src/react/components/test-utils/scripted-chat";

/** Streams a short reply to whatever the user sends, so every story can be played with. */
export function echoAgent(text: string, chat: ScriptedChat): void {
  void chat.streamAnswer(
    `You said: “${text}”. This is a scripted agent streaming its answer a few characters at a time.`,
    {
      intervalMs: 40,
    },
  );
}

/** Props of {@link ScriptedAgentChat}: the chat's props, plus the script that drives it. */
export interface ScriptedAgentChatProps extends AgentChatViewProps {
  /** The conversation to start from and how it reacts. */
  script?: ScriptedChatOptions;
  /** Runs once after mount (e.g. to start streaming); may return a cleanup. */
  run?: (chat: ScriptedChat) => void | (() => void);
}

/** `<AgentChat>` over a scripted conversation: no socket, no backend. */
export function ScriptedAgentChat({ script, run, ...props }: ScriptedAgentChatProps) {
  // A new conversation per script: stories rendered one after another in the same root must
  // not share one.
  const chat = useMemo(() => createScriptedChat({ onSend: echoAgent, ...script }), [script]);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => runRef.current?.(chat), [chat]);
  return <AgentChat chat={chat} {...props} />;
}

/** A long answer to stream. */
export const longStreamingText =
  "Amazon Bedrock AgentCore Runtime hosts agents behind a WebSocket endpoint. A browser cannot set headers on a WebSocket, " +
  "so it connects with a presigned URL (SigV4 query authentication, valid for at most 300 seconds) or with an OAuth bearer " +
  "token carried in Sec-WebSocket-Protocol. The connection keeps the next URL ready before the current one expires, so a " +
  "reconnect never waits on the backend, and it keeps the same runtime session id across reconnects so the agent keeps " +
  "its context. Messages sent while the connection is down are queued and flushed in order once it is open again.";
