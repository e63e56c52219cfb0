import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { attachments } from "../../src/attachments";
import type { AttachmentReference, UploadAttachmentOptions } from "../../src/attachments";
import { liveRegion, renderChat } from "./render-chat";

/** An upload the test settles by hand: each call is kept with its controls. */
function controlledUpload() {
  const calls: Array<{
    file: File;
    options: UploadAttachmentOptions;
    resolve(reference?: Partial<AttachmentReference>): void;
    reject(error: Error): void;
  }> = [];
  const upload = (file: File, options: UploadAttachmentOptions) =>
    new Promise<AttachmentReference>((resolve, reject) => {
      calls.push({
        file,
        options,
        resolve: (reference = {}) =>
          resolve({
            name: file.name,
            type: file.type,
            size: file.size,
            key: `uploads/u/${calls.length}/${file.name}`,
            ...reference,
          }),
        reject,
      });
    });
  return { upload, calls };
}

function file(name: string, type: string, size: number): File {
  return new File([new Uint8Array(size)], name, { type });
}

function input(): HTMLTextAreaElement {
  return screen.getByRole("textbox", { name: "Message" });
}

function fileInput(): HTMLInputElement {
  const element = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!element) throw new Error("no file input");
  return element;
}

const created: string[] = [];
const revoked: string[] = [];
beforeEach(() => {
  created.length = 0;
  revoked.length = 0;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:preview-${created.length}-${(blob as File).name}`;
    created.push(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
});

function renderWithAttachments(
  limits: Parameters<typeof attachments>[0] extends infer O ? Partial<O> : never = {},
) {
  const uploads = controlledUpload();
  const rendered = renderChat({
    props: {
      attachments: attachments({
        uploadAttachment: uploads.upload,
        accept: ["image/*", "application/pdf"],
        maxBytes: 1000,
        maxFiles: 2,
        ...limits,
      }),
    },
  });
  return { ...rendered, uploads };
}

describe("Composer attachments", () => {
  it("attaches with the file button, shows the upload, waits for it, then sends the references", async () => {
    const { chat, user, uploads } = renderWithAttachments();
    const attach = await screen.findByRole("button", { name: "Attach files" });
    expect(attach).toBeEnabled();
    await user.upload(fileInput(), file("cat.png", "image/png", 500));

    const tray = screen.getByRole("list", { name: "Attached files" });
    expect(within(tray).getByText("cat.png")).toBeInTheDocument();
    expect(within(tray).getByText("500 B")).toBeInTheDocument();
    expect(tray.querySelector("img")).toHaveAttribute("src", created[0]);
    expect(uploads.calls).toHaveLength(1);

    act(() => uploads.calls[0]!.options.onProgress({ loaded: 250, total: 500 }));
    expect(screen.getByRole("progressbar", { name: "Uploading cat.png: 50%" })).toHaveValue(50);
    await user.type(input(), "What is this?");
    const send = screen.getByRole("button", { name: "Send" });
    expect(send).toBeDisabled();
    expect(send).toHaveAccessibleDescription("Send waits for 1 upload to finish");
    await user.keyboard("{Enter}");
    expect(chat.calls.inputs).toEqual([]);
    await waitFor(() =>
      expect(liveRegion()).toHaveTextContent("Send waits for 1 upload to finish"),
    );

    act(() => uploads.calls[0]!.resolve());
    await waitFor(() => expect(send).toBeEnabled());
    await user.click(send);
    expect(chat.calls.inputs).toEqual([
      {
        text: "What is this?",
        attachments: [
          { name: "cat.png", type: "image/png", size: 500, key: "uploads/u/1/cat.png" },
        ],
      },
    ]);
    expect(screen.queryByRole("list", { name: "Attached files" })).not.toBeInTheDocument();
    expect(revoked).toEqual(created);

    const sent = screen.getByRole("list", { name: "Attachments" });
    expect(within(sent).getByText("cat.png")).toBeInTheDocument();
    expect(within(sent).getByText("500 B")).toBeInTheDocument();
  });

  it("sends attachments without text", async () => {
    const { chat, user, uploads } = renderWithAttachments();
    await user.upload(await waitForFileInput(), file("a.pdf", "application/pdf", 10));
    act(() => uploads.calls[0]!.resolve());
    const send = screen.getByRole("button", { name: "Send" });
    await waitFor(() => expect(send).toBeEnabled());
    await user.click(send);
    expect(chat.calls.inputs).toEqual([
      { text: "", attachments: [expect.objectContaining({ name: "a.pdf" })] },
    ]);
  });

  it("takes pasted and dropped files, and refuses files over the limits with an alert naming them", async () => {
    const { uploads } = renderWithAttachments();
    await screen.findByRole("button", { name: "Attach files" });
    fireEvent.paste(input(), {
      clipboardData: { files: [file("big.png", "image/png", 5000)], types: ["Files"] },
    });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "big.png was not attached: it is 4.9 KB, over the 1000 B limit",
    );
    const form = input().closest("form")!;
    fireEvent.drop(form, {
      dataTransfer: {
        files: [file("page.html", "text/html", 10), file("ok.pdf", "application/pdf", 10)],
        types: ["Files"],
      },
    });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "page.html was not attached: only image/*, application/pdf files are accepted",
    );
    expect(uploads.calls.map((call) => call.file.name)).toEqual(["ok.pdf"]);
    fireEvent.paste(input(), {
      clipboardData: {
        files: [file("two.png", "image/png", 1), file("three.png", "image/png", 1)],
        types: ["Files"],
      },
    });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "three.png was not attached: at most 2 files per message",
    );
    expect(uploads.calls.map((call) => call.file.name)).toEqual(["ok.pdf", "two.png"]);
  });

  it("shows a failed upload with Retry and Remove; Remove aborts an upload in progress", async () => {
    const { user, uploads } = renderWithAttachments();
    await user.upload(await waitForFileInput(), [
      file("a.png", "image/png", 1),
      file("b.pdf", "application/pdf", 2),
    ]);
    act(() => uploads.calls[0]!.reject(new Error("Network down")));
    const tray = screen.getByRole("list", { name: "Attached files" });
    expect(await within(tray).findByText("a.png did not upload: Network down")).toBeVisible();
    await waitFor(() =>
      expect(liveRegion()).toHaveTextContent("a.png did not upload: Network down"),
    );

    await user.click(screen.getByRole("button", { name: "Retry uploading a.png" }));
    expect(uploads.calls).toHaveLength(3);
    expect(within(tray).queryByText("a.png did not upload: Network down")).not.toBeInTheDocument();

    const bSignal = uploads.calls[1]!.options.signal;
    await user.click(screen.getByRole("button", { name: "Remove b.pdf" }));
    expect(bSignal.aborted).toBe(true);
    expect(screen.queryByText("b.pdf")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Remove a.png" }));
    expect(uploads.calls[2]!.options.signal.aborted).toBe(true);
    expect(revoked).toEqual(created);
    expect(screen.queryByRole("list", { name: "Attached files" })).not.toBeInTheDocument();
  });

  it("keeps Send waiting while an upload failed", async () => {
    const { user, uploads } = renderWithAttachments();
    await user.upload(await waitForFileInput(), file("a.png", "image/png", 1));
    act(() => uploads.calls[0]!.reject(new Error("403")));
    const send = screen.getByRole("button", { name: "Send" });
    await waitFor(() =>
      expect(send).toHaveAccessibleDescription(
        "Retry or remove the file that did not upload to send",
      ),
    );
    expect(send).toBeDisabled();
  });

  it("has no file button without the attachments prop", () => {
    renderChat();
    expect(screen.queryByRole("button", { name: "Attach files" })).not.toBeInTheDocument();
  });
});

async function waitForFileInput(): Promise<HTMLInputElement> {
  await screen.findByRole("button", { name: "Attach files" });
  return fileInput();
}
