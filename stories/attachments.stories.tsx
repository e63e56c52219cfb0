import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { attachments, type UploadAttachment } from "../src/attachments";
import { chatMessage } from "../src/react/components/test-utils/scripted-chat";
import { ScriptedAgentChat } from "./scripted-chat-story";

/** A small picture to attach: an SVG the browser previews like any image. */
function picture(): File {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#1f5fcc"/><circle cx="32" cy="28" r="14" fill="#ffd25e"/><rect y="46" width="64" height="18" fill="#2e7d32"/></svg>';
  return new File([svg], "sunset.svg", { type: "image/svg+xml" });
}

function pdf(): File {
  return new File([new Uint8Array(182_000)], "quarterly-report.pdf", { type: "application/pdf" });
}

/** Uploads that finish at once. */
const instantUpload: UploadAttachment = async (file, { onProgress }) => {
  onProgress({ loaded: file.size, total: file.size });
  return { name: file.name, type: file.type, size: file.size, key: `uploads/demo/${file.name}` };
};

/** Uploads stuck at 40%: the state stays put. */
const slowUpload: UploadAttachment = (file, { onProgress, signal }) =>
  new Promise((_resolve, reject) => {
    onProgress({ loaded: file.size * 0.4, total: file.size });
    signal.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
  });

/** Uploads the storage refuses. */
const failingUpload: UploadAttachment = async () => {
  throw new Error("The storage refused the upload (403)");
};

const LIMITS = { accept: ["image/*", "application/pdf"], maxBytes: 5 * 1024 * 1024, maxFiles: 4 };

async function attach(canvasElement: HTMLElement, files: File[]) {
  const canvas = within(canvasElement);
  await canvas.findByRole("button", { name: "Attach files" });
  const input = canvasElement.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  await userEvent.upload(input, files);
  return canvas;
}

const meta = {
  title: "AgentChat/Attachments",
  component: ScriptedAgentChat,
  render: (args) => <ScriptedAgentChat {...args} />,
  args: { theme: "system", placeholder: "Write a message…" },
  parameters: {
    docs: {
      description: {
        component:
          "Files in the composer (`attachments` from `agentcore-react/attachments`): previews, upload progress, failures, and a sent message with its files.",
      },
    },
  },
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An image (previewed) and a PDF (a chip with name and size), uploaded and ready to send. */
export const AttachedWithPreview: Story = {
  args: { attachments: attachments({ uploadAttachment: instantUpload, ...LIMITS }) },
  play: async ({ canvasElement }) => {
    const canvas = await attach(canvasElement, [picture(), pdf()]);
    const tray = canvas.getByRole("list", { name: "Attached files" });
    await waitFor(() => expect(tray.querySelector("img")).toBeTruthy());
    await expect(within(tray).getByText("quarterly-report.pdf")).toBeVisible();
    await waitFor(() => expect(canvas.getByRole("button", { name: "Send" })).toBeEnabled());
  },
};

/** Uploads in progress: each file shows its progress, and Send says what it waits for. */
export const Uploading: Story = {
  args: { attachments: attachments({ uploadAttachment: slowUpload, ...LIMITS }) },
  play: async ({ canvasElement }) => {
    const canvas = await attach(canvasElement, [picture(), pdf()]);
    await expect(
      await canvas.findByRole("progressbar", { name: "Uploading sunset.svg: 40%" }),
    ).toBeVisible();
    await expect(canvas.getByText("Send waits for 2 uploads to finish")).toBeVisible();
  },
};

/** An upload that failed: its error, Retry and Remove; Send waits. */
export const UploadFailed: Story = {
  args: { attachments: attachments({ uploadAttachment: failingUpload, ...LIMITS }) },
  play: async ({ canvasElement }) => {
    const canvas = await attach(canvasElement, [pdf()]);
    await expect(
      await canvas.findByRole("button", { name: "Retry uploading quarterly-report.pdf" }),
    ).toBeVisible();
    await expect(
      canvas.getByText("Retry or remove the file that did not upload to send"),
    ).toBeVisible();
  },
};

/** A sent message with its files listed under its text. */
export const SentWithAttachments: Story = {
  args: {
    attachments: attachments({ uploadAttachment: instantUpload, ...LIMITS }),
    script: {
      messages: [
        chatMessage({
          role: "user",
          text: "Can you summarise the report and describe the picture?",
          attachments: [
            {
              name: "quarterly-report.pdf",
              type: "application/pdf",
              size: 182_000,
              key: "uploads/demo/1/quarterly-report.pdf",
            },
            {
              name: "sunset.svg",
              type: "image/svg+xml",
              size: 240,
              key: "uploads/demo/2/sunset.svg",
            },
          ],
        }),
        chatMessage({
          role: "assistant",
          text: "The report shows revenue up 12% on the quarter. The picture is a sun over a green field.",
        }),
      ],
    },
  },
};
