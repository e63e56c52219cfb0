import type { VoiceMode, VoiceSnapshot } from "./types";

/** A call's snapshot before it starts. */
export function idleSnapshot(mode: VoiceMode): VoiceSnapshot {
  return { state: "idle", mode, muted: false, talking: false, error: null, device: null };
}

/** `current` with `change` applied, or `undefined` when that changes nothing. */
export function changedSnapshot(
  current: VoiceSnapshot,
  change: Partial<VoiceSnapshot>,
): VoiceSnapshot | undefined {
  const next = { ...current, ...change };
  const same =
    next.state === current.state &&
    next.mode === current.mode &&
    next.muted === current.muted &&
    next.talking === current.talking &&
    next.error === current.error &&
    next.device === current.device;
  return same ? undefined : next;
}
