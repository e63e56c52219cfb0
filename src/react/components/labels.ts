import type { ConnectionReason } from "../../connection/reasons";
import type { VoiceLabels } from "./chat-voice";

/**
 * Texts of markdown's code blocks and tables. Their English defaults ship with
 * `agentcore-react/markdown` (`defaultMarkdownLabels`), so a chat without markdown does not
 * carry them; translate them through the chat's `labels` like any other.
 */
export interface MarkdownLabels {
  /** The button over a code block that copies its code. */
  copyCode: string;
  /** Replaces `copyCode` (and is announced) once the code is copied. */
  codeCopied: string;
  /** Replaces `copyCode` (and is announced) when the browser refused to copy. */
  copyCodeFailed: string;
  /** Names a table's scrolling area; `columns` are the texts of its header cells. */
  table: (columns: readonly string[]) => string;
}

/**
 * Every text the chat shows or announces. Pass a partial `labels` object to override some
 * (for another language, say); the rest keep their English defaults.
 */
export interface AgentChatLabels extends Partial<MarkdownLabels>, Partial<VoiceLabels> {
  /** Accessible name of the message list. */
  messageList: string;
  /** Accessible name of the whole chat region. */
  chatRegion: string;
  /** Who wrote a user message (read by screen readers before it). */
  userName: string;
  /** Who wrote an agent message (read by screen readers before it). */
  assistantName: string;
  /** Label of the message input. */
  composerLabel: string;
  composerPlaceholder: string;
  /** Placeholder when the conversation is closed or failed and cannot be reopened. */
  composerClosedPlaceholder: string;
  send: string;
  stop: string;
  retry: string;
  /** Accessible name of the list of files a sent message carries. */
  attachments: string;
  /** Shown under a user message waiting to be sent. */
  messageQueued: string;
  /** Shown (visually hidden) on an answer still arriving. */
  answering: string;
  /** Shown under an answer the user stopped. */
  messageStopped: string;
  /**
   * The button under a message longer than the chat shows at first (`maxDisplayChars`);
   * `characters` is the length of the whole message.
   */
  showAll: (characters: number) => string;
  /** Shown under a message the store cut at `maxMessageChars` (`truncated`). */
  messageTruncated: string;
  /**
   * Shown inside a markdown link whose text reads as another address than the one it opens
   * (`[https://bank.example](https://evil.example)`); `destination` is where it goes.
   */
  linkDestination: (destination: string) => string;
  /** Shown on a failed message; `reason` is the error, when known. */
  messageFailed: (reason: string | undefined) => string;
  /** An answer the agent could not finish (the stream broke, or the agent reported an error). */
  answerFailed: (reason: string | undefined) => string;
  /** Announced once when an answer has finished arriving. */
  answerAnnouncement: (text: string) => string;
  /** Announced when an answer was stopped. */
  stoppedAnnouncement: string;
  jumpToLatest: string;
  showEarlier: string;
  welcomeTitle: string;
  welcomeText: string;
  /** Accessible name of the suggestion list. */
  suggestions: string;
  connecting: string;
  /** Said (not shown) when the connection is up again after the banner showed a state. */
  connected: string;
  /** While reconnecting; `seconds` until the next attempt, `null` while it is under way. */
  reconnecting: (seconds: number | null) => string;
  /** A first connection keeps failing; `seconds` until the next attempt, `null` while it is under way. */
  unreachable: (seconds: number | null) => string;
  /**
   * The URL provider failed; `details` says where and with which HTTP status when the provider
   * tells (`backendUrlProvider` does).
   */
  providerFailed: (
    details: { endpoint?: string; status?: number },
    seconds: number | null,
  ) => string;
  /** The provider's URLs expire before they can be used (within `urlSafetyMarginMs`). */
  urlTooShort: (seconds: number | null) => string;
  /** Reconnecting after the service refused expired credentials (close code 1008). */
  credentialsExpired: (seconds: number | null) => string;
  retryNow: string;
  offline: string;
  /** The connection gave up; `reason` is why (from `connectionReasons`), when known. */
  failed: (reason: string | null) => string;
  /** Why a connection is not open, for each reason code of the connection's snapshot. */
  connectionReasons: Record<ConnectionReason, string>;
  closed: string;
  reconnect: string;
  /** Summary of a collapsed tool call. */
  toolCall: (name: string) => string;
  toolRunning: string;
  toolComplete: string;
  /** A client tool that threw, or a call the agent reported failed. */
  toolFailed: string;
  /** A call the run ended before it did (stopped, failed, or the connection closed). */
  toolInterrupted: string;
  /** How long a running call has run so far. */
  toolElapsed: (seconds: number) => string;
  toolArguments: string;
  toolResult: string;
  /** Status of a call (or an interrupt) waiting for the user's approval. */
  toolNeedsApproval: string;
  approve: string;
  deny: string;
  /** Label of the optional reason given with a denial. */
  denyReason: string;
  toolApproved: string;
  toolDenied: (reason: string | undefined) => string;
  /** Heading of an approval the agent asks for about no tool call (an AG-UI interrupt). */
  approvalRequest: (reason: string) => string;
  /** Summary of the model's reasoning (a collapsible part, collapsed once the answer starts). */
  reasoning: string;
  /** Shown beside `reasoning` while it streams. */
  reasoningInProgress: string;
  /** Summary of an activity the agent shows (AG-UI activity), by its type. */
  activity: (activityType: string) => string;
  /** Heading of the numbered list of sources under an answer. */
  sources: string;
  /** Accessible name of the actions under a message. */
  messageActions: string;
  /** Copies a message's text; `copied` replaces it (and is announced) once it is copied. */
  copy: string;
  copied: string;
  /** Sends the question of an answer again; the old answer stays as a version. */
  regenerate: string;
  /** Opens a user message for editing; `editMessage` names the input, `save` sends the edit. */
  edit: string;
  editMessage: string;
  save: string;
  cancel: string;
  /** Thumbs up and down (toggle buttons) under an answer. */
  goodAnswer: string;
  badAnswer: string;
  /** The optional comment after a rating: its input and its button, then the thanks. */
  feedbackComment: string;
  sendFeedback: string;
  feedbackSent: string;
  /** The buttons that page through the versions of a turn. */
  previousVersion: string;
  nextVersion: string;
  /** Names the version pager; `index` counts from 1. */
  version: (index: number, count: number) => string;
}

/** "`action` in N s." while counting down, "`action`…" while an attempt is under way. */
function countdown(action: string, seconds: number | null): string {
  return seconds === null || seconds <= 0 ? `${action}…` : `${action} in ${seconds} s.`;
}

/** "`what`: `reason`", or `what` alone when the reason is not known. */
function because(what: string, reason: string | null | undefined, separator = ": "): string {
  return reason ? what + separator + reason : what;
}

/** The English defaults. */
export const defaultLabels: AgentChatLabels = {
  messageList: "Conversation",
  chatRegion: "Chat with the agent",
  userName: "You",
  assistantName: "Agent",
  composerLabel: "Message",
  composerPlaceholder: "Write a message…",
  composerClosedPlaceholder: "The conversation has ended.",
  send: "Send",
  attachments: "Attachments",
  stop: "Stop",
  retry: "Retry",
  messageQueued: "Waiting to send…",
  answering: "Answering…",
  messageStopped: "Stopped",
  showAll: (characters) => `Show all (${characters.toLocaleString("en-US")} characters)`,
  messageTruncated: "Truncated: the agent sent more than this chat keeps for one message.",
  linkDestination: (destination) => `(${destination})`,
  messageFailed: (reason) => because("Not delivered", reason),
  answerFailed: (reason) => because("The answer was interrupted", reason),
  answerAnnouncement: (text) => `Agent: ${text}`,
  stoppedAnnouncement: "Answer stopped",
  jumpToLatest: "Jump to latest",
  showEarlier: "Show earlier messages",
  welcomeTitle: "How can I help?",
  welcomeText: "Ask a question to start the conversation.",
  suggestions: "Suggestions",
  connecting: "Connecting…",
  connected: "Connected.",
  reconnecting: (seconds) => countdown("Connection lost. Reconnecting", seconds),
  unreachable: (seconds) => `Can't reach the agent. ${countdown("Retrying", seconds)}`,
  providerFailed: ({ endpoint, status }, seconds) => {
    const from = endpoint ? ` from ${endpoint}` : "";
    const code = status === undefined ? "" : ` (${status})`;
    return `Couldn't get a connection URL${from}${code}. ${countdown("Retrying", seconds)}`;
  },
  urlTooShort: (seconds) =>
    `The connection URLs expire too soon to be used. ${countdown("Retrying", seconds)}`,
  credentialsExpired: (seconds) =>
    countdown("Credentials expired. Reconnecting with fresh ones", seconds),
  retryNow: "Retry now",
  offline: "You are offline. Messages will be sent when the connection is back.",
  failed: (reason) => because("Connection failed.", reason, " "),
  connectionReasons: {
    closed: "The conversation was closed.",
    "agent-closed": "The agent ended the conversation.",
    offline: "You are offline.",
    stopped: "The answer was stopped.",
    "provider-failed": "Couldn't get a connection URL.",
    "provider-timeout": "Getting a connection URL took too long.",
    "expired-url": "The connection URL had expired.",
    "socket-error": "The connection couldn't be created.",
    "no-websocket": "This environment can't open WebSocket connections.",
    "invalid-options": "The chat is misconfigured.",
    "not-opened": "The agent runtime refused the connection.",
    "handshake-timeout": "The agent runtime did not answer.",
    "policy-violation": "The agent runtime refused the credentials.",
    "message-too-big": "A message was too big for the agent runtime.",
    "going-away": "The agent runtime went away.",
    "connection-lost": "The connection was lost.",
    "server-error": "The agent runtime reported an error.",
    "closed-unexpectedly": "The connection closed unexpectedly.",
    "stream-lifetime": "The connection reached its time limit.",
    "idle-timeout": "The connection was idle for too long.",
  },
  closed: "The conversation is closed.",
  reconnect: "Reconnect",
  toolCall: (name) => `Tool: ${name}`,
  toolRunning: "running",
  toolComplete: "done",
  toolFailed: "failed",
  toolInterrupted: "interrupted",
  toolElapsed: (seconds) => `${seconds} s`,
  toolArguments: "Arguments",
  toolResult: "Result",
  toolNeedsApproval: "needs your approval",
  approve: "Approve",
  deny: "Deny",
  denyReason: "Reason for denying (optional)",
  toolApproved: "approved",
  toolDenied: (reason) => because("denied", reason),
  approvalRequest: (reason) => `The agent asks for approval: ${reason}`,
  reasoning: "Thinking",
  reasoningInProgress: "in progress",
  activity: (activityType) => `Activity: ${activityType}`,
  sources: "Sources",
  messageActions: "Message actions",
  copy: "Copy",
  copied: "Copied",
  regenerate: "Regenerate",
  edit: "Edit",
  editMessage: "Edit message",
  save: "Save and send",
  cancel: "Cancel",
  goodAnswer: "Good answer",
  badAnswer: "Bad answer",
  feedbackComment: "Tell us more (optional)",
  sendFeedback: "Send feedback",
  feedbackSent: "Thanks for the feedback.",
  previousVersion: "Previous version",
  nextVersion: "Next version",
  version: (index, count) => `Version ${index} of ${count}`,
};

/** Fills the labels a caller left out (or set to `undefined`) with the defaults. */
export function resolveLabels(overrides: Partial<AgentChatLabels> | undefined): AgentChatLabels {
  if (!overrides) return defaultLabels;
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...defaultLabels, ...Object.fromEntries(given) };
}
