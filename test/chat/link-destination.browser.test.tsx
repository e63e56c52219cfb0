import { page } from "vitest/browser";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { markdown } from "../../src/markdown";
import { mountChat } from "./browser-helpers";
// Load the lazy markdown module up front so the test does not wait on the dev server.
import "../../src/react/components/markdown/markdown-text";

async function answer(text: string): Promise<HTMLElement> {
  const { frame } = mountChat({
    messages: [chatMessage({ role: "assistant", text })],
    props: { markdown },
  });
  await expect
    .poll(() => frame.querySelector(".acr-markdown a"), { timeout: 10_000 })
    .not.toBeNull();
  return frame;
}

/** Whether a user sees `element`: it has a size, is not clipped away, and its colour shows. */
function visiblyShown(element: Element): boolean {
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return (
    box.width > 10 && box.height > 8 && style.visibility === "visible" && style.opacity === "1"
  );
}

describe("links whose text names another address show where they go", () => {
  it("shows the destination after a URL-looking text, visibly and in the link's name", async () => {
    const frame = await answer(
      "Log in at [https://bank.example/login](https://evil.example/steal).",
    );
    const link = frame.querySelector<HTMLAnchorElement>(".acr-markdown a")!;
    expect(link.href).toBe("https://evil.example/steal");
    const hint = link.querySelector(".acr-markdown__link-destination")!;
    expect(hint).toHaveTextContent("(evil.example)");
    expect(visiblyShown(hint)).toBe(true);
    await expect
      .element(page.getByRole("link", { name: "https://bank.example/login (evil.example)" }))
      .toBeVisible();
  });

  it("does the same for a bare domain and for an image turned into a link", async () => {
    const frame = await answer(
      "[bank.example](https://evil.example/) and ![https://bank.example/logo.png](https://tracker.example/pixel.png)",
    );
    const hints = [...frame.querySelectorAll(".acr-markdown__link-destination")].map(
      (hint) => hint.textContent,
    );
    expect(hints).toEqual(["(evil.example)", "(tracker.example)"]);
  });

  it("adds nothing to ordinary links or to addresses that go where they say", async () => {
    const frame = await answer(
      "See [the docs](https://docs.example/guide), [docs.example](https://docs.example/guide) and <https://docs.example/x>.",
    );
    expect(frame.querySelectorAll(".acr-markdown a")).toHaveLength(3);
    expect(frame.querySelector(".acr-markdown__link-destination")).toBeNull();
  });

  it("takes the hint's wording from the labels", async () => {
    const { frame } = mountChat({
      messages: [chatMessage({ role: "assistant", text: "[bank.example](https://evil.example)" })],
      props: { markdown, labels: { linkDestination: (host) => `→ ${host}` } },
    });
    await expect
      .poll(() => frame.querySelector(".acr-markdown__link-destination")?.textContent, {
        timeout: 10_000,
      })
      .toBe("→ evil.example");
  });
});
