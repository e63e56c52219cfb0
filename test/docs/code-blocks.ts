import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The info-string word that marks a TypeScript block as a fragment: a piece of a larger
 * program (```` ```ts fragment ````), shown where a whole program would bury the point. Fragments
 * must parse, but are not typechecked; every other TypeScript block must compile as written.
 */
export const FRAGMENT_MARKER = "fragment";

/** A fenced code block of a Markdown page. */
export interface CodeBlock {
  /** The page, relative to the repository root (`README.md`, `docs/server.md`). */
  readonly file: string;
  /** The 1-based line of the block's first code line in the page. */
  readonly line: number;
  /** The info string's first word (`ts`, `tsx`, `sh`), lower case; `""` without one. */
  readonly lang: string;
  /** The info string's other words (`fragment`). */
  readonly flags: readonly string[];
  readonly code: string;
}

const FENCE = /^( *)(`{3,}|~{3,})\s*([^`]*)$/;

/** Every fenced block of `markdown`, in order (fences may be indented, e.g. in list items). */
export function extractCodeBlocks(markdown: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "", info = ""] = open;
    const [lang = "", ...flags] = info.trim().split(/\s+/);
    const body: string[] = [];
    let end = index + 1;
    for (; end < lines.length; end += 1) {
      const text = lines[end] ?? "";
      const close = /^ *(`{3,}|~{3,})\s*$/.exec(text)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) break;
      body.push(text.startsWith(indent) ? text.slice(indent.length) : text.trimStart());
    }
    if (end >= lines.length) throw new Error(`${file}:${index + 1}: a code block is never closed`);
    blocks.push({
      file,
      line: index + 2,
      lang: lang.toLowerCase(),
      flags,
      code: `${body.join("\n")}\n`,
    });
    index = end;
  }
  return blocks;
}

/** True for a TypeScript block (`ts`, `tsx`, `typescript`). */
export function isTypeScript(block: CodeBlock): boolean {
  return ["ts", "tsx", "typescript"].includes(block.lang);
}

/** True for a block marked as a fragment. */
export function isFragment(block: CodeBlock): boolean {
  return block.flags.includes(FRAGMENT_MARKER);
}

/** The Markdown pages whose TypeScript must compile: README.md and docs/*.md. */
export function documentationPages(): string[] {
  const docs = readdirSync(join(REPO_ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join("docs", name));
  return ["README.md", ...docs];
}

/** The blocks of a page given relative to the repository root. */
export function pageBlocks(page: string): CodeBlock[] {
  const path = join(REPO_ROOT, page);
  return extractCodeBlocks(readFileSync(path, "utf8"), relative(REPO_ROOT, path));
}

/**
 * The one block of `page` that satisfies `matches`; throws (naming the page and what was
 * looked for) when there is none or more than one, so a test never checks the wrong block.
 */
export function theBlock(
  page: string,
  what: string,
  matches: (block: CodeBlock) => boolean,
): CodeBlock {
  const found = pageBlocks(page).filter(matches);
  if (found.length !== 1) {
    throw new Error(`${page} has ${found.length} blocks that are ${what}; expected exactly one`);
  }
  return found[0] as CodeBlock;
}
