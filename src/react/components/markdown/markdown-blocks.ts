/**
 * Agent markdown is parsed in blocks, each on its own: the cost of parsing is bounded per
 * block, a block that is unsafe to parse falls back to text alone, and while an answer streams
 * only its last block is parsed again. Blocks are cut only where CommonMark starts a new
 * top-level block whatever came before, so each block renders as it would in the whole text.
 */

/** Atoms are grouped into blocks of up to this many characters… */
export const BLOCK_TARGET_CHARS = 1_000;
/** …and up to this cost (markup characters): what one task parses at most, but for big atoms. */
export const BLOCK_TARGET_COST = 150;

/** A fence: up to 3 spaces, then 3 or more backticks (no backtick in its info) or tildes. */
const FENCE_OPEN = /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/;
/** A link reference or footnote definition: the text cannot be cut without breaking them. */
const DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:/m;
/** An ATX heading at the start of a line. */
const HEADING = /^#{1,6}(?:[ \t\n]|$)/;
/** A list item at the start of a line. */
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]/;

interface Fence {
  char: string;
  length: number;
  /** Opened at column 0: at the top level, whatever came before. */
  topLevel: boolean;
}

function fenceOpening(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const run = match[2]!;
  return { char: run[0]!, length: run.length, topLevel: match[1] === "" };
}

function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.replace(/^ {0,3}/, "");
  let run = 0;
  while (trimmed[run] === fence.char) run += 1;
  return run >= fence.length && trimmed.slice(run).trim() === "";
}

/** The text in lines, each with its line break. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const startsAtColumnZero = (line: string) => line !== "" && !/^[ \t\n]/.test(line);
const isBlank = (line: string) => line.trim() === "";

/**
 * Cuts `text` into atoms: runs of lines no cut may split. A cut goes before a line at column
 * 0 after a blank line, around a fenced code block that starts at column 0, before an ATX
 * heading at column 0, and, once an atom is over the target size, before a list item at
 * column 0 (a long tight list becomes several lists). Nothing is cut inside a fence. A text
 * with link reference or footnote definitions stays whole (a block could not see them).
 */
export function markdownAtoms(text: string): string[] {
  if (DEFINITION.test(text)) return [text];
  const atoms: string[] = [];
  let current = "";
  let fence: Fence | null = null;
  let previousBlank = false;
  const cut = () => {
    if (current) atoms.push(current);
    current = "";
  };
  for (const line of lines(text)) {
    if (fence) {
      current += line;
      previousBlank = false;
      if (!closesFence(line, fence)) continue;
      if (fence.topLevel) cut();
      fence = null;
      continue;
    }
    const opening = fenceOpening(line);
    const startsBlock =
      startsAtColumnZero(line) &&
      (previousBlank ||
        opening !== null ||
        HEADING.test(line) ||
        (current.length >= BLOCK_TARGET_CHARS && LIST_ITEM.test(line)));
    if (startsBlock) cut();
    current += line;
    fence = opening;
    previousBlank = isBlank(line);
  }
  cut();
  return atoms;
}

/** A block of agent markdown, and whether it is parsed as markdown or shown as text. */
export interface MarkdownBlock {
  text: string;
  markdown: boolean;
  /** What parsing it costs (the sum of its atoms' costs; 0 for text). */
  cost: number;
}

/**
 * The blocks of `text`. `cost` judges each atom: `null` when it must be shown as text, else
 * what parsing it costs. Consecutive atoms to parse are grouped up to
 * {@link BLOCK_TARGET_CHARS} and {@link BLOCK_TARGET_COST} (fewer, bounded parses);
 * consecutive atoms shown as text are grouped too.
 */
export function markdownBlocks(
  text: string,
  cost: (atom: string) => number | null,
): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let current: MarkdownBlock | null = null;
  for (const atom of markdownAtoms(text)) {
    const atomCost = cost(atom);
    const markdown = atomCost !== null;
    const full =
      current &&
      (current.text.length + atom.length > BLOCK_TARGET_CHARS ||
        current.cost + (atomCost ?? 0) > BLOCK_TARGET_COST);
    if (current && (current.markdown !== markdown || (markdown && full))) {
      blocks.push(current);
      current = null;
    }
    if (current) {
      current.text += atom;
      current.cost += atomCost ?? 0;
    } else {
      current = { text: atom, markdown, cost: atomCost ?? 0 };
    }
  }
  if (current) blocks.push(current);
  return blocks;
}

/** Whether a block is one fenced code block (its content is never parsed as markdown). */
export function isFencedBlock(block: string): boolean {
  const first = block.slice(0, block.indexOf("\n") + 1 || block.length);
  const fence = fenceOpening(first);
  if (!fence || !startsAtColumnZero(first)) return false;
  const rest = lines(block.slice(first.length));
  const closing = rest.findIndex((line) => closesFence(line, fence));
  return closing === -1 || rest.slice(closing + 1).every(isBlank);
}
