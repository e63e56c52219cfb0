import { isFencedBlock } from "./markdown-blocks";

/**
 * What one block of agent markdown may hold and still be parsed. Parsing and rendering cost
 * grows with the markup in a block (faster than linearly for `[`, runs of emphasis marks and
 * nesting); measured in Chromium on a loaded 2-core machine, a block at these bounds takes
 * about 40 ms or less (see `test/security/hostile-output.browser.test.tsx`). A block past any
 * of them is shown as text instead.
 */
export const MARKDOWN_LIMITS = {
  /** Characters in a block. */
  blockChars: 4_000,
  /** Characters in a fenced code block, whose content is not parsed as markdown. */
  fenceChars: 20_000,
  /**
   * Markup characters in a block: `*`, `_`, `~`, backticks, `[`, `]`, `<`, `>`, `!`, `|`,
   * `#`, `&`, backslashes and line breaks. Bounds the elements a block turns into.
   */
  markup: 400,
  /** `[`: link and image openers (micromark's cost is quadratic in them). */
  brackets: 300,
  /** The longest run of one emphasis mark (`*****…`: nested emphasis, quadratic). */
  emphasisRun: 50,
  /** Nested block quotes and lists, as `>` and list markers at the start of a line. */
  depth: 16,
} as const;

/** Why a block is shown as text instead of markdown. */
export type MarkdownHazard = "size" | "markup" | "brackets" | "emphasis" | "nesting";

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;

function isMarkerEnd(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return Number.isNaN(code) || code === SPACE || code === TAB || code === NEWLINE;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** The end of an ordered list marker (`1.`, `12)`) at `index`, or -1. */
function orderedMarkerEnd(text: string, index: number): number {
  let digits = index;
  while (digits - index < 9 && isDigit(text.charCodeAt(digits))) digits += 1;
  const after = text.charCodeAt(digits);
  const marker =
    digits > index && (after === 0x2e || after === 0x29) && isMarkerEnd(text, digits + 1);
  return marker ? digits + 1 : -1;
}

/**
 * How deeply the line at `start` nests: its `>` and list markers before any other text, plus
 * half its leading indentation when it has a list marker (an overestimate, never an
 * underestimate, of the block quotes and lists it opens or continues). Returns the depth and
 * where the line ends.
 */
function lineDepth(text: string, start: number): { depth: number; end: number } {
  let index = start;
  let depth = 0;
  let indent = 0;
  let marker = false;
  for (;;) {
    const code = text.charCodeAt(index);
    const ordered = orderedMarkerEnd(text, index);
    if (code === SPACE || code === TAB) {
      if (depth === 0) indent += code === TAB ? 4 : 1;
      index += 1;
    } else if (code === 0x3e /* > */) {
      depth += 1;
      index += 1;
    } else if ((code === 0x2d || code === 0x2a || code === 0x2b) && isMarkerEnd(text, index + 1)) {
      depth += 1;
      marker = true;
      index += 1;
    } else if (ordered !== -1) {
      depth += 1;
      marker = true;
      index = ordered;
    } else {
      break;
    }
  }
  const newline = text.indexOf("\n", index);
  const end = newline === -1 ? text.length : newline + 1;
  return { depth: depth + (marker ? Math.floor(indent / 2) : 0), end };
}

/** The deepest nesting of any line of `block` (see {@link lineDepth}). */
export function nestingDepth(block: string): number {
  let deepest = 0;
  for (let start = 0; start < block.length;) {
    const { depth, end } = lineDepth(block, start);
    deepest = Math.max(deepest, depth);
    start = end;
  }
  return deepest;
}

/** Markup characters (see {@link MARKDOWN_LIMITS}), by char code. */
const MARKUP = new Set([..."*_~`[]<>!|#&\\\n"].map((char) => char.charCodeAt(0)));

interface Counts {
  markup: number;
  brackets: number;
  emphasisRun: number;
}

function countMarkup(block: string): Counts {
  const counts: Counts = { markup: 0, brackets: 0, emphasisRun: 0 };
  let run = 0;
  let previous = -1;
  for (let index = 0; index < block.length; index += 1) {
    const code = block.charCodeAt(index);
    if (!MARKUP.has(code)) {
      previous = code;
      continue;
    }
    counts.markup += 1;
    if (code === 0x5b /* [ */) counts.brackets += 1;
    if (code === 0x2a || code === 0x5f || code === 0x7e /* * _ ~ */) {
      run = code === previous ? run + 1 : 1;
      counts.emphasisRun = Math.max(counts.emphasisRun, run);
    }
    previous = code;
  }
  return counts;
}

/** What {@link judgeMarkdown} found: why a block must stay text, or what parsing it costs. */
export type MarkdownVerdict = { hazard: MarkdownHazard } | { hazard: null; cost: number };

/**
 * Whether `block` may be parsed as markdown, and its cost (its markup characters; a fenced
 * code block, whose content is not parsed, costs one per 50 characters). Linear in the
 * block's length.
 */
export function judgeMarkdown(block: string): MarkdownVerdict {
  if (isFencedBlock(block)) {
    if (block.length > MARKDOWN_LIMITS.fenceChars) return { hazard: "size" };
    return { hazard: null, cost: Math.ceil(block.length / 50) };
  }
  if (block.length > MARKDOWN_LIMITS.blockChars) return { hazard: "size" };
  const counts = countMarkup(block);
  if (counts.brackets > MARKDOWN_LIMITS.brackets) return { hazard: "brackets" };
  if (counts.emphasisRun > MARKDOWN_LIMITS.emphasisRun) return { hazard: "emphasis" };
  if (counts.markup > MARKDOWN_LIMITS.markup) return { hazard: "markup" };
  if (nestingDepth(block) > MARKDOWN_LIMITS.depth) return { hazard: "nesting" };
  return { hazard: null, cost: counts.markup };
}

/** Why `block` must not be parsed as markdown, or `null` when it may be. */
export function markdownHazard(block: string): MarkdownHazard | null {
  return judgeMarkdown(block).hazard;
}
