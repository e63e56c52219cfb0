import { MARKDOWN_LIMITS, markdownHazard, nestingDepth } from "./markdown-guards";

describe("markdownHazard", () => {
  it("lets ordinary markdown through", () => {
    const text =
      "Some **bold**, _em_, `code`, a [link](https://e.example) and a list:\n\n- one\n  - two\n\n> quote";
    expect(markdownHazard(text)).toBeNull();
  });

  it.each([
    ["size", "word ".repeat(MARKDOWN_LIMITS.blockChars / 5 + 1)],
    ["brackets", "[".repeat(MARKDOWN_LIMITS.brackets + 1)],
    ["markup", "*a".repeat(MARKDOWN_LIMITS.markup + 1)],
    ["markup", "`a".repeat(MARKDOWN_LIMITS.markup + 1)],
    ["markup", "line\n".repeat(MARKDOWN_LIMITS.markup + 1)],
    ["emphasis", `${"*".repeat(MARKDOWN_LIMITS.emphasisRun + 1)}a`],
    ["nesting", `${">".repeat(MARKDOWN_LIMITS.depth + 1)} deep`],
    ["nesting", `${"- ".repeat(MARKDOWN_LIMITS.depth + 1)}a`],
    ["nesting", Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n")],
  ])("refuses %s", (hazard, text) => {
    expect(markdownHazard(text)).toBe(hazard);
  });

  it.each([
    ["brackets", "[".repeat(MARKDOWN_LIMITS.brackets)],
    ["markup", "*a".repeat(MARKDOWN_LIMITS.markup)],
    ["a run", `${"*".repeat(MARKDOWN_LIMITS.emphasisRun)}a`],
    ["nesting", `${">".repeat(MARKDOWN_LIMITS.depth)} deep`],
  ])("accepts %s at the limit", (_name, text) => {
    expect(markdownHazard(text)).toBeNull();
  });

  it("only limits the size of a fenced code block, whatever it holds", () => {
    const code = "const a = [b*c_d`e] > <f>;\n".repeat(500);
    expect(markdownHazard(`\`\`\`js\n${code}\`\`\`\n`)).toBeNull();
    expect(markdownHazard(`\`\`\`\n${"x".repeat(MARKDOWN_LIMITS.fenceChars)}\n\`\`\``)).toBe(
      "size",
    );
  });
});

describe("nestingDepth", () => {
  it.each([
    ["plain", 0],
    ["- item", 1],
    ["  - nested", 2],
    ["> - > 1. deep", 4],
    ["- - - a", 3],
    ["**bold** at the start", 0],
    ["2021 was a year", 0],
    ["    code, not a list", 0],
  ])("%j → %i", (line, depth) => {
    expect(nestingDepth(line)).toBe(depth);
  });
});
