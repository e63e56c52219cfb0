/**
 * What the Chromium tests of assistant-ui's thread share: the emulator stack's presign and
 * control endpoints (test/adapters/emulator-stack.ts), the agent's transcript, and reading and
 * typing into the thread (test/adapters/assistant-ui-thread.tsx).
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { inject } from "vitest";
import type { Codec } from "../../src/codecs/types";
import { backendUrlProvider } from "../../src/providers/backend-url-provider";
import type { UrlProvider } from "../../src/providers/types";
import { agUiCodec } from "../../src/store/ag-ui-conversation";
import { adapterReply } from "./adapter-reply";

export const stack = inject("adapterStack");

/** The AG-UI codec with the cancel frame the emulator's agent understands. */
export const codec: Codec<string> = {
  ...agUiCodec,
  cancel: () => JSON.stringify({ type: "cancel" }),
};

export function countingProvider() {
  const provider = backendUrlProvider({
    endpoint: stack.presignEndpoint,
    headers: { [stack.signIn.header]: stack.signIn.value },
  });
  const calls: number[] = [];
  const urlProvider: UrlProvider = (context) => {
    calls.push(Date.now());
    return provider(context);
  };
  return { calls, urlProvider };
}

export async function control(command: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.controlUrl}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(command),
  });
  expect(response.status).toBe(200);
}

export interface Transcript {
  sent: { text?: string }[];
  received: { text?: string }[];
  connections: number;
}

export async function transcript(sessionId: string): Promise<Transcript> {
  const response = await fetch(`${stack.controlUrl}/sessions/${encodeURIComponent(sessionId)}`);
  return response.ok
    ? ((await response.json()) as Transcript)
    : { sent: [], received: [], connections: 0 };
}

/** The text of each message the agent sent on the session, in order of their first chunk. */
export async function sentMessages(sessionId: string): Promise<string[]> {
  const texts = new Map<string, string>();
  for (const { text } of (await transcript(sessionId)).sent) {
    const event = JSON.parse(text ?? "{}") as { type?: string; messageId?: string; delta?: string };
    if (event.type !== "TEXT_MESSAGE_CONTENT" || !event.messageId) continue;
    texts.set(event.messageId, (texts.get(event.messageId) ?? "") + (event.delta ?? ""));
  }
  return [...texts.values()];
}

export function assistantMessages(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-role="assistant"]')];
}

export async function ask(text: string): Promise<void> {
  const user = userEvent.setup();
  await user.type(screen.getByRole("textbox", { name: "Message" }), text);
  await user.click(screen.getByRole("button", { name: "Send" }));
}

/** The faults that break the stream mid-answer, with the status kind each one shows. */
export const MID_ANSWER_FAULTS = [
  [
    "a dropped socket (1006)",
    { action: "dropAfterFrames", frames: 30, direction: "out" },
    "reconnecting",
  ],
  [
    "a 1008 close (expired credentials)",
    { action: "closeAfterFrames", frames: 30, code: 1008, direction: "out" },
    "credentials-expired",
  ],
] as const;

/**
 * Expects `shown` to be exactly what the agent sent of turn 1's answer before the stream broke
 * (nothing lost, nothing twice, and cut short), and returns it.
 */
export async function expectCutOnce(shown: string, sessionId: string): Promise<string> {
  const [, cut] = await sentMessages(sessionId);
  expect(shown).toBe(cut);
  expect(cut && cut.length > 4 && adapterReply(1).startsWith(cut)).toBe(true);
  expect(cut?.length).toBeLessThan(adapterReply(1).length);
  return cut ?? "";
}
