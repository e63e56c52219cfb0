import { page, userEvent } from "vitest/browser";
import { attachments, type UploadAttachment } from "../../src/attachments";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { mountChat, nextFrame } from "./browser-helpers";

// Screenshots of the composer with attachments, saved as artifacts for review (not compared).
const DIR = "../../test-results/screenshots";

function picture(): File {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#1f5fcc"/><circle cx="32" cy="28" r="14" fill="#ffd25e"/><rect y="46" width="64" height="18" fill="#2e7d32"/></svg>';
  return new File([svg], "sunset.svg", { type: "image/svg+xml" });
}

/** The picture uploads at once; the PDF stays at 40%; the text file fails. */
const upload: UploadAttachment = (file, { onProgress }) => {
  if (file.type === "text/plain") return Promise.reject(new Error("403 from storage"));
  if (file.type === "application/pdf") {
    onProgress({ loaded: file.size * 0.4, total: file.size });
    return new Promise(() => {});
  }
  return Promise.resolve({ name: file.name, type: file.type, size: file.size, key: file.name });
};

const config = attachments({ uploadAttachment: upload, maxBytes: 1_000_000, maxFiles: 4 });

describe("screenshots of the composer with attachments", () => {
  it.each([
    ["attachments-light", "light", 640],
    ["attachments-dark", "dark", 640],
    ["attachments-390", "light", 390],
  ] as const)("%s", async (name, theme, width) => {
    await page.viewport(width, 700);
    const { frame } = mountChat({
      width,
      height: 560,
      props: { attachments: config, theme },
      messages: [
        chatMessage({
          role: "user",
          text: "Here is last quarter's report.",
          attachments: [
            { name: "q3-report.pdf", type: "application/pdf", size: 182_000, key: "k1" },
          ],
        }),
        chatMessage({ role: "assistant", text: "Thanks, I have read it." }),
      ],
    });
    await expect.poll(() => frame.querySelector('input[type="file"]')).not.toBeNull();
    const input = frame.querySelector<HTMLInputElement>('input[type="file"]')!;
    await userEvent.upload(input, [
      picture(),
      new File([new Uint8Array(182_000)], "quarterly-report.pdf", { type: "application/pdf" }),
      new File(["notes"], "notes.txt", { type: "text/plain" }),
    ]);
    await expect.poll(() => frame.querySelectorAll(".acr-attachment").length).toBe(4);
    await expect.poll(() => frame.querySelector(".acr-attachment__error")).not.toBeNull();
    await nextFrame();
    await page.screenshot({ path: `${DIR}/${name}.png`, element: frame });
  });
});
