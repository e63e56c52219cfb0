"use client";

import { forwardRef, type KeyboardEvent } from "react";
import type { ChatVoice } from "../chat-voice";

/** Props of the push-to-talk button. */
export interface HoldToTalkButtonProps {
  voice: ChatVoice;
  talking: boolean;
  label: string;
}

function isSpace(event: KeyboardEvent): boolean {
  return event.key === " " || event.code === "Space";
}

/**
 * Push-to-talk: the microphone goes to the agent while a pointer holds the button, or while
 * Space is held on it. Letting go anywhere (or the button losing focus) releases it.
 */
export const HoldToTalkButton = forwardRef<HTMLButtonElement, HoldToTalkButtonProps>(
  function HoldToTalkButton({ voice, talking, label }, ref) {
    const press = () => voice.pressToTalk?.();
    const release = () => {
      if (talking) voice.release?.();
    };
    return (
      <button
        ref={ref}
        type="button"
        className="acr-button acr-button--secondary acr-voice__talk"
        aria-pressed={talking}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          // Keeps the release coming here even when the pointer slides off the button.
          event.currentTarget.setPointerCapture?.(event.pointerId);
          press();
        }}
        onPointerUp={release}
        onPointerCancel={release}
        onKeyDown={(event) => {
          if (!isSpace(event)) return;
          event.preventDefault();
          if (!event.repeat) press();
        }}
        onKeyUp={(event) => {
          if (!isSpace(event)) return;
          event.preventDefault();
          release();
        }}
        onBlur={release}
      >
        {label}
      </button>
    );
  },
);
