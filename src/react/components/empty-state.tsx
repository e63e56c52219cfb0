import type { ReactNode } from "react";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import { SuggestionList } from "./suggestion-list";
import type { Suggestion } from "./types";

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  className?: string;
  /** Heading. Default: `labels.welcomeTitle`. */
  title?: ReactNode;
  /** Text under the heading. Default: `labels.welcomeText`. */
  description?: ReactNode;
  /** Prompts offered as buttons. Default: the `suggestions` given to `<AgentChat>`. */
  suggestions?: readonly Suggestion[];
  /** Extra content under the suggestions. */
  children?: ReactNode;
}

/** The welcome shown before the first message, with suggestion prompts. */
export function EmptyState({
  className,
  title,
  description,
  suggestions,
  children,
}: EmptyStateProps) {
  const context = useChatContext("EmptyState");
  const prompts = suggestions ?? context.suggestions;
  return (
    <div className={cx("acr-empty-state", className)}>
      <h2 className="acr-empty-state__title">{title ?? context.labels.welcomeTitle}</h2>
      <p className="acr-empty-state__text">{description ?? context.labels.welcomeText}</p>
      {prompts.length > 0 && <SuggestionList suggestions={prompts} />}
      {children}
    </div>
  );
}
