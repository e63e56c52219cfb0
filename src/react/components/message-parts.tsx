"use client";

import { Fragment, type ReactNode, type RefObject } from "react";
import type { ChatMessage, MessagePart } from "../../store/types";
import type { PartView } from "./internal/display-budget";
import { LazyMarkdown } from "./markdown/lazy-markdown";
import type { MarkdownOptions } from "./markdown/markdown-options";
import { PlainText } from "./plain-text";
import { ToolCall } from "./tool-call";

/** Replaces how one part is drawn; `undefined` keeps the default. */
export type RenderPart = (
  part: MessagePart,
  index: number,
  message: ChatMessage,
) => ReactNode | undefined;

interface MessagePartsProps {
  message: ChatMessage;
  views: readonly PartView[];
  markdown: MarkdownOptions | null;
  renderPart: RenderPart | undefined;
  /** The user asked for the whole message: hidden rests are drawn (as plain text). */
  revealed: boolean;
  /** Set on the first revealed rest, where focus goes after "Show all". */
  restRef: RefObject<HTMLDivElement | null>;
}

/**
 * The parts in order: tool calls, and text (markdown for the agent when it is on) up to the
 * display cap, followed, once revealed, by the rest of each text part as plain text.
 */
export function MessageParts({
  message,
  views,
  markdown,
  renderPart,
  revealed,
  restRef,
}: MessagePartsProps) {
  const isUser = message.role === "user";
  let restTarget: RefObject<HTMLDivElement | null> | undefined = restRef;
  const drawPart = ({ part, shown, hidden }: PartView, index: number): ReactNode => {
    const custom = renderPart?.(part, index, message);
    if (custom !== undefined) return custom;
    if (part.type === "tool-call") return <ToolCall key={part.toolCallId} call={part} />;
    if (!part.text) return null;
    let head: ReactNode = null;
    if (shown) {
      head =
        markdown && !isUser ? (
          <LazyMarkdown text={shown} options={markdown} />
        ) : (
          <PlainText text={shown} />
        );
    }
    let rest: ReactNode = null;
    if (revealed && hidden) {
      rest = (
        <div ref={restTarget} className="acr-message__rest" tabIndex={-1}>
          <PlainText text={hidden} />
        </div>
      );
      restTarget = undefined;
    }
    return (
      <Fragment key={index}>
        {head}
        {rest}
      </Fragment>
    );
  };
  return views.map((view, index) => drawPart(view, index));
}
