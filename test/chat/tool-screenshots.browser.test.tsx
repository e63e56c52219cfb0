import { page } from "vitest/browser";
import {
  chatMessage,
  type ScriptedChat,
} from "../../src/react/components/test-utils/scripted-chat";
import { mountChat, nextFrame } from "./browser-helpers";

// Screenshots of the tool-call states on a phone-width chat, light and dark, for review.
const DIR = "../../test-results/screenshots";

/** Every tool state at once: running, done (opened), failed, interrupted, and an approval. */
function toolStates(chat: ScriptedChat): void {
  const id = chat.addMessage({ role: "assistant", status: "complete", text: "" }).id;
  const calls = [
    { toolCallId: "t1", name: "search_flights", args: '{"to":"LIS"', status: "running" },
    {
      toolCallId: "t2",
      name: "get_weather",
      args: '{"city":"Paris","units":"metric"}',
      result: '{"temp":14,"conditions":"rain"}',
      status: "complete",
    },
    {
      toolCallId: "t3",
      name: "get_location",
      args: "{}",
      error: "Permission denied",
      status: "failed",
    },
    { toolCallId: "t4", name: "summarise", args: "{}", status: "interrupted" },
    { toolCallId: "t5", name: "delete_file", args: '{"path":"notes.txt"}', status: "complete" },
  ] as const;
  for (const call of calls) chat.addToolCall(id, call);
}

describe("screenshots of tool calls at 390 px", () => {
  beforeAll(async () => {
    await page.viewport(390, 844);
  });

  for (const theme of ["light", "dark"] as const) {
    it(`tool states, ${theme}`, async () => {
      const { chat, frame } = mountChat({
        width: 390,
        height: 844,
        messages: [chatMessage({ role: "user", text: "Plan my trip and tidy my notes" })],
        props: { theme, toolApproval: { delete_file: true } },
      });
      toolStates(chat);
      await expect.poll(() => frame.querySelector(".acr-tool-approval")).not.toBeNull();
      frame.querySelector<HTMLElement>('[data-status="complete"] summary')?.click();
      await nextFrame();
      await page.screenshot({ path: `${DIR}/tools-${theme}-390.png`, element: frame });
    });
  }
});
