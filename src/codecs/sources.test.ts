import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agUiCodec } from "./ag-ui-codec";
import { MAX_SOURCE_TEXT, MAX_SOURCE_URL, MAX_SOURCES, readSources } from "./sources";
import { textCodec } from "./text-codec";

const page = { url: "https://docs.example.com/guide", title: "Guide", snippet: "Step one." };
const agUi = (event: unknown) => agUiCodec.decode(JSON.stringify(event));
const text = (value: unknown) => textCodec.decode(JSON.stringify(value));

describe("readSources", () => {
  it("keeps url, id, title and snippet, the URL normalised", () => {
    expect(
      readSources([{ id: "s1", url: "HTTPS://Example.COM/a b", title: " A ", snippet: "x" }]),
    ).toEqual([{ url: "https://example.com/a%20b", id: "s1", title: "A", snippet: "x" }]);
    expect(readSources([{ url: "http://example.com" }])).toEqual([{ url: "http://example.com/" }]);
  });

  it("drops what is not a list, not an object, or has no usable URL", () => {
    for (const list of [undefined, null, "https://example.com", { url: "https://a.b" }, 3]) {
      expect(readSources(list)).toEqual([]);
    }
    expect(
      readSources([null, 7, "https://example.com", [page], {}, { title: "no url" }, { url: 42 }]),
    ).toEqual([]);
  });

  it.each([
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    " JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:a@example.com",
    "/relative",
    "//example.com/protocol-relative",
    "not a url",
  ])("drops a source whose URL is %j", (url) => {
    expect(readSources([{ url, title: "Click me" }])).toEqual([]);
  });

  it("leaves out fields that are not strings or are blank", () => {
    expect(readSources([{ url: page.url, id: 3, title: "  ", snippet: { html: "<b>" } }])).toEqual([
      { url: page.url },
    ]);
  });

  it("caps the count, the URL length and the text lengths", () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ url: `https://example.com/${i}` }));
    const kept = readSources([{ url: "javascript:void(0)" }, ...many]);
    expect(kept).toHaveLength(MAX_SOURCES);
    expect(kept[0]?.url).toBe("https://example.com/0");

    const longUrl = `https://example.com/${"a".repeat(MAX_SOURCE_URL)}`;
    expect(readSources([{ url: longUrl }])).toEqual([]);

    const [long] = readSources([
      { url: page.url, title: "t".repeat(9999), snippet: "s".repeat(9999) },
    ]);
    expect(long?.title).toHaveLength(MAX_SOURCE_TEXT);
    expect(long?.snippet).toHaveLength(MAX_SOURCE_TEXT);
  });

  it("never throws, and only ever keeps http(s) URLs and capped text", () => {
    const url = fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom("javascript:x", "data:,x"));
    const item = fc.oneof(
      fc.record(
        { url, id: fc.jsonValue(), title: fc.string(), snippet: fc.jsonValue() },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(item), fc.jsonValue()), (list) => {
        const sources = readSources(list);
        expect(sources.length).toBeLessThanOrEqual(MAX_SOURCES);
        for (const source of sources) {
          expect(source.url).toMatch(/^https?:\/\//);
          for (const field of [source.id, source.title, source.snippet]) {
            expect(
              field === undefined || (field.length > 0 && field.length <= MAX_SOURCE_TEXT),
            ).toBe(true);
          }
        }
      }),
    );
  });
});

describe("sources in the text codec", () => {
  it('reads a "sources" field, alone or beside the text and the end', () => {
    expect(text({ sources: [page] })).toEqual([{ type: "sources", sources: [page] }]);
    expect(text({ text: "Done.", sources: [page], done: true })).toEqual([
      { type: "text-delta", delta: "Done." },
      { type: "sources", sources: [page] },
      { type: "message-end" },
    ]);
  });

  it("reads an object whose sources are all invalid as before", () => {
    const value = { sources: [{ url: "javascript:alert(1)" }] };
    expect(text(value)).toEqual([{ type: "custom", name: "json", value }]);
    expect(text({ text: "Hi", sources: "nope" })).toEqual([{ type: "text-delta", delta: "Hi" }]);
  });
});

describe("sources in the AG-UI codec", () => {
  it.each([
    ["{ sources }", { sources: [page] }],
    ["the list itself", [page]],
    ["{ citations }", { citations: [page] }],
  ])("reads a CUSTOM sources event whose value is %s", (_, value) => {
    expect(agUi({ type: "CUSTOM", name: "sources", value })).toEqual([
      { type: "sources", sources: [page] },
    ]);
  });

  it("reads the message it names, and CUSTOM citations", () => {
    expect(
      agUi({ type: "CUSTOM", name: "sources", value: { messageId: "m1", sources: [page] } }),
    ).toEqual([{ type: "sources", messageId: "m1", sources: [page] }]);
    expect(
      agUi({ type: "CUSTOM", name: "citations", value: { message_id: "m2", citations: [page] } }),
    ).toEqual([{ type: "sources", messageId: "m2", sources: [page] }]);
  });

  it("leaves other CUSTOM events, and sources events with nothing valid, as custom", () => {
    const other = { type: "CUSTOM", name: "usage", value: { sources: [page] } };
    expect(agUi(other)).toEqual([{ type: "custom", name: "usage", value: other.value }]);
    for (const value of [undefined, "x", { sources: [{ url: "javascript:alert(1)" }] }, []]) {
      expect(agUi({ type: "CUSTOM", name: "sources", value })).toEqual([
        { type: "custom", name: "sources", value },
      ]);
    }
  });

  it("keeps a sources event with a messageId that is not a string, without it", () => {
    expect(
      agUi({ type: "CUSTOM", name: "sources", value: { messageId: 7, sources: [page] } }),
    ).toEqual([{ type: "sources", sources: [page] }]);
  });
});
