import { useEffect, type RefObject } from "react";
import type { ChatVoice } from "../chat-voice";

/** How full the meter is for an RMS level: speech sits around 0.02 to 0.3, so the scale bends. */
export function meterFill(level: number): number {
  return Math.round(Math.min(1, Math.sqrt(Math.max(0, level)) * 1.6) * 100) / 100;
}

/**
 * Drives a level meter without rendering: once per animation frame, while `active`, writes the
 * microphone's level into the element's `--acr-voice-level` (0..1), which the theme draws.
 */
export function useLevelMeter(
  voice: ChatVoice,
  element: RefObject<HTMLElement | null>,
  active: boolean,
): void {
  useEffect(() => {
    const target = element.current;
    if (!active || !target) return;
    let written = -1;
    let frame = 0;
    const tick = () => {
      const fill = meterFill(voice.level);
      if (fill !== written) {
        target.style.setProperty("--acr-voice-level", String(fill));
        written = fill;
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      target.style.setProperty("--acr-voice-level", "0");
    };
  }, [voice, element, active]);
}
