import { useState, type MouseEvent } from "react";
import type { ReasoningPart as ReasoningPartData } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import { PlainText } from "./plain-text";

/** Props of {@link ReasoningView}. */
export interface ReasoningViewProps {
  part: ReasoningPartData;
  /** Whether the answer's text has started: the reasoning then collapses (unless the user opened it). */
  answerStarted: boolean;
  className?: string;
}

/**
 * The model's reasoning as a collapsible "Thinking" part: open while it is all there is to
 * read, collapsed once the answer text starts. A native `<details>`, so it opens and closes by
 * keyboard and screen readers announce its state; the user's own choice is kept.
 */
export function ReasoningView({ part, answerStarted, className }: ReasoningViewProps) {
  const { labels } = useChatContext("ReasoningView");
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? !answerStarted;
  const toggle = (event: MouseEvent) => {
    event.preventDefault();
    setChosen(!open);
  };
  const streaming = part.status === "streaming";
  return (
    <details
      className={cx("acr-tool-call", "acr-reasoning", className)}
      data-status={part.status}
      open={open}
    >
      <summary className="acr-tool-call__summary" onClick={toggle}>
        <span className="acr-tool-call__chevron" aria-hidden="true" />
        <span className="acr-tool-call__name">{labels.reasoning}</span>
        {streaming && <span className="acr-tool-call__status">{labels.reasoningInProgress}</span>}
      </summary>
      <div className="acr-tool-call__body acr-reasoning__text">
        <PlainText text={part.text} />
      </div>
    </details>
  );
}
