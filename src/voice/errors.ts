/** Why a voice call could not start or went on no longer. */
export type VoiceErrorCode =
  /** The user (or a policy) refused the microphone. */
  | "permission-denied"
  /** There is no microphone. */
  | "no-device"
  /** The microphone exists but another app or the system holds it. */
  | "device-busy"
  /** The microphone went away mid-call (unplugged, or its permission revoked). */
  | "device-lost"
  /** This page cannot capture audio: no `getUserMedia` (not a secure context) or no AudioWorklet. */
  | "unsupported"
  /** The audio engine failed to start (AudioContext or the worklet module). */
  | "audio-failed";

const MESSAGES: Record<VoiceErrorCode, string> = {
  "permission-denied":
    "Microphone access was denied. Allow the microphone for this site in the browser, then try again.",
  "no-device": "No microphone was found. Connect one, then try again.",
  "device-busy":
    "The microphone is in use by another application or could not be opened. Close the other application, then try again.",
  "device-lost": "The microphone was disconnected during the call.",
  unsupported:
    "This page cannot capture audio: it needs a secure context (https or localhost) and a browser with AudioWorklet.",
  "audio-failed": "The audio engine could not start.",
};

/** A voice call's failure, with a `code` a program can act on and a message a user can read. */
export class AgentVoiceError extends Error {
  override readonly name: string = "AgentVoiceError";
  readonly code: VoiceErrorCode;

  constructor(code: VoiceErrorCode, options?: { cause?: unknown }) {
    super(MESSAGES[code], options);
    this.code = code;
  }
}

/** The voice error for what `getUserMedia` rejected with. */
export function microphoneError(thrown: unknown): AgentVoiceError {
  const name = thrown instanceof Error ? thrown.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return new AgentVoiceError("permission-denied", { cause: thrown });
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return new AgentVoiceError("no-device", { cause: thrown });
  }
  if (name === "NotReadableError" || name === "AbortError") {
    return new AgentVoiceError("device-busy", { cause: thrown });
  }
  return new AgentVoiceError("audio-failed", { cause: thrown });
}
