import type { Locator, Page } from "playwright-core";
import type { ConnectionStatus } from "../../../src/index";

// Generous: a loaded 2-core CI machine can take many seconds to stream an answer.
const TIMEOUT = 30_000;

/**
 * The demo page as a test drives it: the chat (by the accessible names `<AgentChat>` uses) and
 * the side panel (connection snapshot, timeline, fault buttons).
 */
export class DemoPage {
  constructor(readonly page: Page) {}

  /** Opens the demo with a query string such as `?auth=bearer`. */
  async open(appUrl: string, search = ""): Promise<this> {
    await this.page.goto(`${appUrl}${search}`);
    return this;
  }

  get connection(): Locator {
    return this.page.getByTestId("connection");
  }

  /** Waits until the connection shows `status`. */
  async waitForStatus(status: ConnectionStatus, timeout = TIMEOUT): Promise<void> {
    await this.page
      .locator(`[data-testid="connection"][data-status="${status}"]`)
      .waitFor({ timeout });
  }

  /** The runtime session id the page shows (the one the backend bound). */
  async sessionId(): Promise<string> {
    const id = await this.connection.getAttribute("data-session-id");
    if (!id) throw new Error("The page shows no session id");
    return id;
  }

  async send(text: string): Promise<void> {
    await this.page.getByLabel("Message", { exact: true }).fill(text);
    await this.page.getByRole("button", { name: "Send", exact: true }).click();
  }

  assistantMessages(): Locator {
    return this.page.locator(".acr-message--assistant");
  }

  userMessages(): Locator {
    return this.page.locator(".acr-message--user");
  }

  /** Waits until the `index`-th answer has reached `status`. */
  async waitForAnswer(index: number, status: string, timeout = TIMEOUT): Promise<void> {
    await this.page.waitForFunction(
      ({ index, status }) =>
        document.querySelectorAll(".acr-message--assistant")[index]?.getAttribute("data-status") ===
        status,
      { index, status },
      { timeout },
    );
  }

  /** Waits until the `index`-th answer is streaming and shows at least `minLength` characters. */
  async waitForPartialAnswer(index: number, minLength: number): Promise<void> {
    await this.page.waitForFunction(
      ({ index, minLength }) => {
        const answer = document.querySelectorAll(".acr-message--assistant")[index];
        return (
          answer?.getAttribute("data-status") === "streaming" &&
          (answer.textContent ?? "").length >= minLength
        );
      },
      { index, minLength },
      { timeout: TIMEOUT },
    );
  }

  /** The text of an answer without the screen-reader prefix and status notes. */
  async answerText(index: number): Promise<string> {
    return this.page.evaluate((index) => {
      const answer = document.querySelectorAll(".acr-message--assistant")[index];
      const bubble = answer?.querySelector(".acr-message__bubble");
      if (!bubble) return "";
      const clone = bubble.cloneNode(true) as HTMLElement;
      for (const hidden of clone.querySelectorAll(".acr-visually-hidden, .acr-message__progress"))
        hidden.remove();
      return clone.textContent ?? "";
    }, index);
  }

  async click(name: string): Promise<void> {
    await this.page.getByRole("button", { name, exact: true }).click();
  }

  /** Timeline entries, oldest first, as the data attributes the panel renders. */
  async timeline(): Promise<
    Array<{ status: string; attempt: number; retryMs: number | null; online: boolean }>
  > {
    const entries = await this.page
      .getByTestId("timeline")
      .locator("li")
      .evaluateAll((items) =>
        items.map((item) => ({
          status: item.getAttribute("data-status") ?? "",
          attempt: Number(item.getAttribute("data-attempt")),
          retryMs: item.hasAttribute("data-retry-ms")
            ? Number(item.getAttribute("data-retry-ms"))
            : null,
          online: item.getAttribute("data-online") === "true",
        })),
      );
    return entries.reverse();
  }
}
