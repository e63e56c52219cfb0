import { render } from "@testing-library/react";
import { page, userEvent } from "vitest/browser";
import "../../src/react/styles.css";
import { AgentChat } from "../../src/index";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";
import { nextFrame } from "./browser-helpers";

/** A real store on a fake connection: one question, answered; each resend answered at once. */
function mountStoreChat({ theme = "light" as "light" | "dark", width = 640, height = 480 } = {}) {
  const connection = new FakeConnection();
  const store = createConversationStore({ connection });
  let answers = 0;
  connection.subscribe(() => {
    const sent = connection.getSnapshot().outbox.filter((entry) => entry.status === "sent");
    while (answers < sent.length) {
      answers += 1;
      const messageId = `answer-${answers}`;
      connection.emit(
        { type: "message-start", messageId, role: "assistant" },
        { type: "text-delta", messageId, delta: `Answer number ${answers}` },
        { type: "message-end", messageId },
      );
    }
  });
  connection.open();
  store.send("Which answer?");
  render(
    <div className="frame" style={{ width, height, display: "flex" }}>
      <AgentChat chat={store} onFeedback={() => {}} theme={theme} />
    </div>,
  );
  return { store, connection };
}

const active = () => document.activeElement as HTMLElement;

describe("message actions in Chromium", () => {
  it("copies to the real clipboard", async () => {
    mountStoreChat();
    const copy = document.querySelector<HTMLButtonElement>(".acr-message--assistant .acr-action")!;
    expect(copy).toHaveAccessibleName("Copy");
    await userEvent.click(copy);
    await expect.poll(() => copy.textContent).toBe("Copied");
    const field = document.createElement("textarea");
    document.body.append(field);
    field.focus();
    await userEvent.keyboard("{Control>}v{/Control}");
    await expect.poll(() => field.value).toBe("Answer number 1");
    field.remove();
  });

  it("reaches every action with Tab, with a focus ring, and pages versions by keyboard", async () => {
    mountStoreChat();
    const names: string[] = [];
    for (let step = 0; step < 8 && active()?.getAttribute("aria-label") !== "Bad answer"; step++) {
      await userEvent.keyboard("{Tab}");
      names.push(active().getAttribute("aria-label") ?? active().textContent ?? "");
      if (active().tagName === "BUTTON") {
        expect(getComputedStyle(active()).outlineStyle).toBe("solid");
      }
    }
    expect(names.slice(1)).toEqual(["Edit", "Copy", "Regenerate", "Good answer", "Bad answer"]);

    await userEvent.keyboard("{Shift>}{Tab}{Tab}{/Shift}{Enter}");
    await expect.poll(() => document.body.textContent).toContain("Answer number 2");
    expect(active()).toBe(document.querySelector("textarea"));

    const previous = document.querySelector<HTMLButtonElement>('[aria-label="Previous version"]')!;
    previous.focus();
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => document.body.textContent).toContain("Answer number 1");
    expect(active()).toHaveAccessibleName("Next version");
    expect(getComputedStyle(active()).outlineStyle).toBe("solid");
  });
});

// Saved for review, not compared (like screenshots.browser.test.tsx).
describe("screenshots of message actions", () => {
  beforeAll(async () => {
    await page.viewport(720, 800);
  });

  for (const [name, theme, width] of [
    ["light", "light", 640],
    ["dark", "dark", 640],
    ["narrow", "light", 390],
  ] as const) {
    it(`two versions, feedback and an editor: ${name}`, async () => {
      const { store } = mountStoreChat({ theme, width, height: 640 });
      store.regenerate("answer-1");
      store.send("And a second question?");
      await expect.poll(() => document.body.textContent).toContain("Answer number 3");
      const bad = document.querySelectorAll<HTMLButtonElement>('[aria-label="Bad answer"]');
      await userEvent.click(bad[bad.length - 1]!);
      const edit = document.querySelectorAll<HTMLButtonElement>(".acr-message--user .acr-action");
      await userEvent.click(edit[edit.length - 1]!);
      await nextFrame();
      const frame = document.querySelector<HTMLElement>(".frame")!;
      await page.screenshot({
        path: `../../test-results/screenshots/actions-${name}.png`,
        element: frame,
      });
    });
  }
});
