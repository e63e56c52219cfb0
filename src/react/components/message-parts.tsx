"use client";

import { Fragment, type ReactNode } from "react";
import type { ChatMessage, MessagePart } from "../../store/types";
import type { PartView } from "./internal/display-budget";
import { LazyMarkdown } from "./markdown/lazy-markdown";
import type { MarkdownRenderer } from "./markdown/markdown-renderer";
import type { MutableRef } from "../mutable-ref";
import { ActivityView } from "./activity-view";
import { PlainText } from "./plain-text";
import { ReasoningView } from "./reasoning-view";
import { SourcesView } from "./sources-view";
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
  markdown: MarkdownRenderer | null;
  renderPart: RenderPart | undefined;
  /** The user asked for the whole message: hidden rests are drawn (as plain text). */
  revealed: boolean;
  /** Set on the first revealed rest, where focus goes after "Show all". */
  restRef: MutableRef<HTMLDivElement | null>;
}

/** Whether answer text follows the part at `index`. */
function textAfter(views: readonly PartView[], index: number): boolean {
  return views.slice(index + 1).some(({ part }) => part.type === "text" && part.text !== "");
}

/**
 * The parts in order: reasoning, tool calls, activities, sources, and text (markdown for the
 * agent when it is on) up to the display cap, followed, once revealed, by the rest of each text
 * part as plain text.
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
  let restTarget: MutableRef<HTMLDivElement | null> | undefined = restRef;
  const drawPart = ({ part, shown, hidden }: PartView, index: number): ReactNode => {
    const custom = renderPart?.(part, index, message);
    if (custom !== undefined) return custom;
    if (part.type === "tool-call") return <ToolCall key={part.toolCallId} call={part} />;
    if (part.type === "activity") return <ActivityView key={index} part={part} />;
    if (part.type === "reasoning") {
      return <ReasoningView key={index} part={part} answerStarted={textAfter(views, index)} />;
    }
    if (part.type === "sources") return <SourcesView key={index} part={part} />;
    if (!part.text) return null;
    let head: ReactNode = null;
    if (shown) {
      head =
        markdown && !isUser ? (
          <LazyMarkdown text={shown} renderer={markdown} />
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
