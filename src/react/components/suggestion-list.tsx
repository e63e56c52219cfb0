"use client";

import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import type { Suggestion } from "./types";

/** Props of {@link SuggestionList}. */
export interface SuggestionListProps {
  suggestions: readonly Suggestion[];
  className?: string;
  /** What choosing a suggestion does. Default: send its prompt. */
  onSelect?: (prompt: string) => void;
}

function normalize(suggestion: Suggestion): { label: string; prompt: string } {
  return typeof suggestion === "string" ? { label: suggestion, prompt: suggestion } : suggestion;
}

/** Prompts to start from, as buttons; choosing one sends it and returns focus to the composer. */
export function SuggestionList({ suggestions, className, onSelect }: SuggestionListProps) {
  const { chat, labels, focusComposer, scrollToLatest } = useChatContext("SuggestionList");
  if (suggestions.length === 0) return null;
  return (
    <ul className={cx("acr-suggestions", className)} aria-label={labels.suggestions}>
      {suggestions.map((suggestion, index) => {
        const { label, prompt } = normalize(suggestion);
        return (
          <li key={`${index}:${label}`}>
            <button
              type="button"
              className="acr-button acr-button--secondary acr-suggestions__item"
              onClick={() => {
                if (onSelect) onSelect(prompt);
                else {
                  chat.send(prompt);
                  scrollToLatest();
                }
                focusComposer();
              }}
            >
              {label}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
