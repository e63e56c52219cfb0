/**
 * How long a play function waits for the chat to reach the state it checks. It waits on the
 * DOM, not the clock; the deadline is generous because a loaded CI machine can take seconds to
 * load a lazy chunk or stream a scripted answer.
 */
export const STATE_TIMEOUT_MS = 20_000;
