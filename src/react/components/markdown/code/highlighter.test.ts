import { afterEach, describe, expect, it, vi } from "vitest";

// The module remembers the shortest code that highlighted slowly, so each case loads it afresh.
async function freshHighlighter() {
  vi.resetModules();
  return import("./highlighter");
}

/** Makes the next highlight read `elapsedMs` between its two clock readings. */
function nextHighlightTakes(elapsedMs: number) {
  let clock = 0;
  vi.spyOn(performance, "now").mockImplementation(() => {
    clock += elapsedMs;
    return clock;
  });
}

const code = (chars: number) => "let x = 1;\n".repeat(Math.ceil(chars / 11)).slice(0, chars);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("highlightCode's slow cut-off", () => {
  it("turns highlighting off for code as long as a long block that highlighted slowly", async () => {
    const { highlightCode } = await freshHighlighter();
    nextHighlightTakes(80);
    expect(highlightCode(code(5_000), "js")).not.toBeNull();
    vi.restoreAllMocks();
    expect(highlightCode(code(5_000), "js")).toBeNull();
    expect(highlightCode(code(8_000), "js")).toBeNull();
    expect(highlightCode(code(4_000), "js")).not.toBeNull();
  });

  it("does not judge short code by a slow reading: that is the thread being paused", async () => {
    const { highlightCode } = await freshHighlighter();
    nextHighlightTakes(80);
    expect(highlightCode(code(300), "js")).not.toBeNull();
    vi.restoreAllMocks();
    expect(highlightCode(code(300), "js")).not.toBeNull();
    expect(highlightCode(code(5_000), "js")).not.toBeNull();
  });
});
