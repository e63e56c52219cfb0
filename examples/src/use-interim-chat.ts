import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { InterimConversation, type InterimState } from "./interim-conversation";
import type { AgentRuntimeConnection, ConnectionOptions } from "./lib";

/** The interim stand-in for `useAgentRuntimeSocket`'s result. */
export interface InterimChat extends InterimState {
  connection: AgentRuntimeConnection<string>;
  send(text: string): string;
  stop(): void;
  reconnect(): void;
  connect(): void;
  close(): void;
}

/**
 * Opens one conversation for the life of the component (StrictMode's mount, unmount, mount
 * keeps the same connection, and `connect(); close(); connect()` opens one socket).
 */
export function useInterimChat(options: ConnectionOptions<string>): InterimChat {
  const [conversation] = useState(() => new InterimConversation(options));
  useEffect(() => {
    conversation.connection.connect();
    return () => conversation.connection.close();
  }, [conversation]);
  const state = useSyncExternalStore(conversation.subscribe, conversation.getState);
  return useMemo(() => {
    const connection = conversation.connection;
    return {
      ...state,
      connection,
      send: conversation.send,
      stop: conversation.stop,
      reconnect: () => connection.reconnect(),
      connect: () => connection.connect(),
      close: () => connection.close(),
    };
  }, [conversation, state]);
}
