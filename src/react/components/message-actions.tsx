"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ChatMessage, MessageBranch } from "../../store/types";
import { useMessageActions, type MessageActionsBehaviour } from "./behaviour/use-message-actions";
import { useChatContext } from "./chat-context";
import type { AgentChatLabels } from "./labels";
import type { MessageActionSetting } from "./types";

/** The built-in control, the app's drawing of it, or nothing. */
function action(setting: MessageActionSetting, message: ChatMessage, draw: () => ReactNode) {
  if (!setting) return null;
  return setting === true ? draw() : setting({ message, renderDefault: draw });
}

const BUTTON = "acr-button acr-button--ghost acr-action";

interface PartProps {
  message: ChatMessage;
  behaviour: MessageActionsBehaviour;
  labels: AgentChatLabels;
}

/** "‹ 1 / 2 ›": pages through the versions of the turn this message starts. */
function BranchPager({ branch, behaviour, labels }: PartProps & { branch: MessageBranch }) {
  const { pagerFocus } = useChatContext("MessageActions");
  const buttons = useRef<{ previous?: HTMLButtonElement | null; next?: HTMLButtonElement | null }>(
    {},
  );
  const { index, count } = branch;
  // The version asked for is another message, so another row: focus its pager once it mounts.
  useEffect(() => {
    const asked = pagerFocus.current;
    if (!asked) return;
    pagerFocus.current = null;
    const { previous, next } = buttons.current;
    const wanted = asked === "previous" ? previous : next;
    (wanted?.disabled ? (asked === "previous" ? next : previous) : wanted)?.focus();
  }, [pagerFocus]);
  const page = (to: number, focus: "previous" | "next") => (
    <button
      type="button"
      ref={(element) => {
        buttons.current[focus] = element;
      }}
      className={BUTTON}
      aria-label={focus === "previous" ? labels.previousVersion : labels.nextVersion}
      disabled={behaviour.busy || to < 0 || to >= count}
      onClick={() => behaviour.selectBranch(to, focus)}
    >
      <span aria-hidden="true">{focus === "previous" ? "‹" : "›"}</span>
    </button>
  );
  return (
    <div className="acr-pager" role="group" aria-label={labels.version(index + 1, count)}>
      {page(index - 1, "previous")}
      <span aria-hidden="true">
        {index + 1} / {count}
      </span>
      {page(index + 1, "next")}
    </div>
  );
}

const THUMB = "M2 10h4v11H2zm6 11h9l3-9v-2h-6l1-5-2-2-5 7z";

/** Thumbs up and down (toggle buttons), then an optional comment. */
function Feedback({ behaviour, labels }: PartProps) {
  const [step, setStep] = useState<"rate" | "comment" | "sent">("rate");
  const [comment, setComment] = useState("");
  const { feedback } = behaviour;
  const thumb = (rating: "up" | "down") => (
    <button
      type="button"
      className={`${BUTTON} acr-action--${rating}`}
      aria-label={rating === "up" ? labels.goodAnswer : labels.badAnswer}
      aria-pressed={feedback?.rating === rating}
      onClick={() => {
        behaviour.rate({ rating });
        setStep("comment");
      }}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" width="16" height="16">
        <path d={THUMB} fill="currentColor" />
      </svg>
    </button>
  );
  return (
    <>
      {thumb("up")}
      {thumb("down")}
      {step === "comment" && feedback && (
        <form
          className="acr-feedback"
          onSubmit={(event) => {
            event.preventDefault();
            behaviour.rate({ rating: feedback.rating, comment });
            setStep("sent");
          }}
        >
          <input
            className="acr-feedback__input"
            aria-label={labels.feedbackComment}
            placeholder={labels.feedbackComment}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <button className="acr-button acr-button--secondary" disabled={!comment.trim()}>
            {labels.sendFeedback}
          </button>
        </form>
      )}
      {step === "sent" && <span className="acr-message__note">{labels.feedbackSent}</span>}
    </>
  );
}

/** Props of {@link MessageActions}. */
export interface MessageActionsProps {
  message: ChatMessage;
  /** Opens the message's editor (Edit); without it, user messages offer no Edit. */
  onEdit?: () => void;
  /** Where the Edit button goes, so focus can return to it when editing is cancelled. */
  editRef?: (element: HTMLButtonElement | null) => void;
}

/**
 * The actions under a finished message, as the chat's `actions` allow and the store supports:
 * an answer gets Copy, Regenerate and feedback; a user message Edit; a message starting one
 * of several versions of its turn, the "‹ 1 / 2 ›" pager.
 */
export function MessageActions({ message, onEdit, editRef }: MessageActionsProps) {
  const { labels, actions, chat } = useChatContext("MessageActions");
  const behaviour = useMessageActions(message);
  const props = { message, behaviour, labels };
  const user = message.role === "user";
  const { branch } = message;
  const button = (
    label: string,
    onClick: () => void,
    disabled = false,
    ref?: (element: HTMLButtonElement | null) => void,
  ) => (
    <button type="button" ref={ref} className={BUTTON} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
  const pager =
    branch &&
    chat.selectBranch &&
    action(actions.branches, message, () => <BranchPager {...props} branch={branch} />);
  const edit =
    user &&
    onEdit &&
    chat.editAndResend &&
    action(actions.edit, message, () => button(labels.edit, onEdit, behaviour.busy, editRef));
  const copy =
    !user &&
    message.text &&
    action(actions.copy, message, () =>
      button(behaviour.copied ? labels.copied : labels.copy, () => void behaviour.copy()),
    );
  const regenerate =
    !user &&
    chat.regenerate &&
    action(actions.regenerate, message, () =>
      button(labels.regenerate, behaviour.regenerate, behaviour.busy),
    );
  const feedback =
    !user &&
    message.status === "complete" &&
    action(actions.feedback, message, () => <Feedback {...props} />);
  if (!pager && !edit && !copy && !regenerate && !feedback) return null;
  return (
    <div className="acr-actions" role="group" aria-label={labels.messageActions}>
      {pager}
      {edit}
      {copy}
      {regenerate}
      {feedback}
    </div>
  );
}
