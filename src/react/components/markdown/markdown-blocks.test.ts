import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import { markdownAnswer } from "../test-utils/fixtures";
import {
  BLOCK_TARGET_CHARS,
  BLOCK_TARGET_COST,
  isFencedBlock,
  markdownAtoms,
  markdownBlocks,
} from "./markdown-blocks";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));
const always = () => 1;

describe("markdownAtoms", () => {
  it.each([
    ["paragraphs", "one\n\ntwo\n", ["one\n\n", "two\n"]],
    [
      "a fenced block at column 0",
      "text\n```js\na\n\nb\n```\nmore",
      ["text\n", "```js\na\n\nb\n```\n", "more"],
    ],
    ["an unclosed fence, to the end", "~~~\na\n\nb", ["~~~\na\n\nb"]],
    ["a heading", "para\n# Title\nbody", ["para\n", "# Title\nbody"]],
    ["not a #hashtag", "para\n#tag", ["para\n#tag"]],
    ["a list item's continuation", "- a\n\n  b\n\nc", ["- a\n\n  b\n\n", "c"]],
    ["indented code after a blank line", "a\n\n    code\n\nb", ["a\n\n    code\n\n", "b"]],
    [
      "a fence inside a list item",
      "- a\n  ```\n  x\n\n  ```\n  tail\n",
      ["- a\n  ```\n  x\n\n  ```\n  tail\n"],
    ],
    ["backticks in the info string: no fence", "``` a`b\n\ntext", ["``` a`b\n\n", "text"]],
    [
      "a definition keeps the text whole",
      "[x]\n\n[x]: https://e.example",
      ["[x]\n\n[x]: https://e.example"],
    ],
  ])("%s", (_name, text, atoms) => {
    expect(markdownAtoms(text)).toEqual(atoms);
    expect(markdownAtoms(text).join("")).toBe(text);
  });

  it("cuts a long tight list before an item once past the target size", () => {
    const item = `- ${"x".repeat(98)}\n`;
    const atoms = markdownAtoms(item.repeat(40));
    expect(atoms.length).toBeGreaterThan(1);
    for (const atom of atoms) expect(atom.length).toBeLessThanOrEqual(BLOCK_TARGET_CHARS + 100);
    expect(atoms.join("")).toBe(item.repeat(40));
  });
});

describe("markdownBlocks", () => {
  it("renders block by block exactly as the whole text renders", () => {
    const documents = [
      markdownAnswer,
      "# Title\n\nIntro with **bold**.\n\n> quote\n> more\n\n```\ncode\n\nstill code\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nEnd.",
      "- one\n  - nested\n\n    continued\n- two\n\nAfter.\n\n    indented code\n\n    more\n\n---\n\nLast *line*",
      "Setext\n======\n\ntext\n\n***\n\n1. first\n2. second\n\n<div>raw</div>\n\ndone",
    ];
    for (const document of documents) {
      const blocks = markdownBlocks(document, always);
      const joined = blocks.map((block) => html(block.text)).join("");
      expect(joined.replace(/\n/g, "")).toBe(html(document).replace(/\n/g, ""));
    }
  });

  it("groups short atoms up to the target size and cost, and keeps refused atoms apart as text", () => {
    const text = "a paragraph\n\n".repeat(300);
    const blocks = markdownBlocks(text, always);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.length).toBeLessThan(10);
    for (const block of blocks) expect(block.text.length).toBeLessThanOrEqual(BLOCK_TARGET_CHARS);
    const costly = markdownBlocks(text, () => BLOCK_TARGET_COST / 2);
    expect(costly.map((block) => block.text.length)).toEqual(Array(150).fill(26));

    const mixed = markdownBlocks("ok\n\nBAD\n\nBAD too\n\nok again", (atom) =>
      atom.startsWith("BAD") ? null : 1,
    );
    expect(mixed).toEqual([
      { text: "ok\n\n", markdown: true, cost: 1 },
      { text: "BAD\n\nBAD too\n\n", markdown: false, cost: 0 },
      { text: "ok again", markdown: true, cost: 1 },
    ]);
  });
});

describe("isFencedBlock", () => {
  it.each([
    ["```js\ncode\n```\n", true],
    ["```js\ncode\n```\n\n", true],
    ["~~~\nunclosed", true],
    ["```js\ncode\n```\ntext", false],
    ["  ```\nindented\n```", false],
    ["text", false],
  ])("%j → %s", (block, fenced) => {
    expect(isFencedBlock(block)).toBe(fenced);
  });
});
