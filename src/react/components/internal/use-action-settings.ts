"use client";

import { useMemo, useRef } from "react";
import type { ChatMessage } from "../../../store/types";
import type { ChatContextValue } from "../chat-context";
import type { MessageActionsOptions, MessageFeedback } from "../types";

type ActionSettings = Pick<ChatContextValue, "actions" | "ratings" | "rate" | "pagerFocus">;

/**
 * The message actions part of the chat context: the `actions` prop with its defaults, and the
 * ratings given. The same object while the settings stay equal; `onFeedback` may be inline.
 */
export function useActionSettings(
  options: MessageActionsOptions | false | undefined,
  onFeedback: ((message: ChatMessage, feedback: MessageFeedback) => void) | undefined,
): ActionSettings {
  const report = useRef(onFeedback);
  report.current = onFeedback;
  const ratings = useRef(new Map<string, MessageFeedback>()).current;
  const pagerFocus = useRef<"previous" | "next" | null>(null);
  const given = options || {};
  const on = options !== false;
  const { copy = on, regenerate = on, edit = on, branches = on } = given;
  const { feedback = on && !!onFeedback } = given;
  return useMemo(
    () => ({
      actions: { copy, regenerate, edit, branches, feedback },
      ratings,
      pagerFocus,
      rate: (message, value) => {
        ratings.set(message.id, value);
        report.current?.(message, value);
      },
    }),
    [copy, regenerate, edit, branches, feedback, ratings],
  );
}
