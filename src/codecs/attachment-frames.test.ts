import { RunAgentInputSchema } from "@ag-ui/core/schemas";
import { agUiCodec } from "./ag-ui-codec";
import { textCodec } from "./text-codec";

const CONTEXT = { messageId: "m-1", sessionId: "s".repeat(33) };
const PHOTO = {
  name: "cat.png",
  type: "image/png",
  size: 2048,
  url: "https://cdn.example/cat.png",
  key: "uploads/alice/1/cat.png",
};
const PDF = {
  name: "report.pdf",
  type: "application/pdf",
  size: 10,
  key: "uploads/alice/2/report.pdf",
};

describe("messages with attachments", () => {
  it("text codec: inputText plus the references, only their known fields", () => {
    const frame = textCodec.encode(
      { text: "Look", attachments: [{ ...PHOTO, extra: "dropped" } as typeof PHOTO, PDF] },
      CONTEXT,
    );
    expect(JSON.parse(frame)).toEqual({ inputText: "Look", attachments: [PHOTO, PDF] });
    expect(textCodec.encode({ text: "Hi", attachments: [] }, CONTEXT)).toBe('{"inputText":"Hi"}');
    expect(() => textCodec.encode({ text: 1 } as never, CONTEXT)).toThrow(/textCodec message/);
  });

  it("AG-UI codec: AG-UI 1.0 content parts that @ag-ui/core's schema accepts", () => {
    const input = JSON.parse(
      agUiCodec.encode({ text: "Look", attachments: [PHOTO, PDF] }, CONTEXT),
    );
    expect(input.messages[0].content).toEqual([
      { type: "text", text: "Look" },
      {
        type: "image",
        source: { type: "url", value: PHOTO.url, mimeType: "image/png" },
        metadata: { name: "cat.png", size: 2048, key: PHOTO.key },
      },
      {
        type: "document",
        source: { type: "file", value: PDF.key, mimeType: "application/pdf" },
        metadata: { name: "report.pdf", size: 10 },
      },
    ]);
    expect(() => RunAgentInputSchema.parse(input)).not.toThrow();
  });

  it("AG-UI codec: attachments without text have no text part; plain text stays a string", () => {
    const input = JSON.parse(agUiCodec.encode({ text: "", attachments: [PDF] }, CONTEXT));
    expect(input.messages[0].content).toHaveLength(1);
    expect(() => RunAgentInputSchema.parse(input)).not.toThrow();
    expect(JSON.parse(agUiCodec.encode("Hi", CONTEXT)).messages[0].content).toBe("Hi");
  });
});
