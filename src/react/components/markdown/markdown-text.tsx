import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import Markdown, { type Options } from "react-markdown";
import { PlainText } from "../plain-text";
import { markdownComponents } from "./markdown-components";
import { markdownBlocks } from "./markdown-blocks";
import { judgeMarkdown } from "./markdown-guards";
import { markdownTooLong, type MarkdownOptions } from "./markdown-options";
import type { MarkdownTextProps } from "./markdown-renderer";
import { rehypeSanitizeOutput } from "./sanitize-output";
import { safeUrl } from "./safe-url";

// Agent output is untrusted: raw HTML stays text, the output of every plugin goes through an
// allow-list of elements and attributes (`sanitize-output.ts`), unsafe URLs are dropped,
// links open in a new tab without an opener, and images become links so that agent output
// cannot make the browser fetch a URL (a known way to leak conversation data) on its own.
// It can also be hostile to the CPU: it is parsed block by block, a block past the limits of
// `markdown-guards.ts` is shown as text, and blocks a task cannot afford wait for the next one.

function urlTransform(url: string): string | undefined {
  return safeUrl(url);
}

/** Time a task may spend parsing new blocks before the rest wait for later tasks. */
const SYNC_PARSE_BUDGET_MS = 12;
/**
 * A pessimistic guess of the parse time per unit of block cost (a markup character), from
 * Chromium on a loaded machine: a new block is parsed at once only if it should fit.
 */
const PARSE_MS_PER_COST = 0.1;
let spentMs = 0;
let resetScheduled = false;

/** Whether this task can afford to parse a new block of `cost` now. */
function affordable(cost: number): boolean {
  if (!resetScheduled) {
    resetScheduled = true;
    setTimeout(() => {
      spentMs = 0;
      resetScheduled = false;
    }, 0);
  }
  return spentMs + cost * PARSE_MS_PER_COST <= SYNC_PARSE_BUDGET_MS;
}

/**
 * Blocks waiting to be parsed, one at a time: each upgrade is a React update of one block, and
 * the next starts in a new task once the previous one has committed, so no two parses ever
 * share a task (React would batch updates that meet in one).
 */
const waiting: Array<() => void> = [];
let running = false;

function runNext(): void {
  const upgrade = waiting.shift();
  running = upgrade !== undefined;
  upgrade?.();
}

/** Queues `upgrade`, which re-renders one block parsed; returns how to take it back. */
function parseLater(upgrade: () => void): () => void {
  waiting.push(upgrade);
  if (!running) {
    running = true;
    setTimeout(runNext, 0);
  }
  return () => {
    const index = waiting.indexOf(upgrade);
    if (index !== -1) waiting.splice(index, 1);
  };
}

/** The block upgraded last has committed, or is gone: the next one runs in a task of its own. */
function upgraded(): void {
  setTimeout(runNext, 0);
}

/**
 * Whether the block may show as markdown: at once when this task can afford its parse, else
 * after its turn in the queue (committed, which lets the next block go).
 */
function useParseTurn(cost: number): boolean {
  const [ready, setReady] = useState(() => affordable(cost));
  // Started by the queue and not committed yet: the queue waits for this block.
  const upgrading = useRef(false);
  useEffect(() => {
    if (ready) return undefined;
    return parseLater(() => {
      upgrading.current = true;
      setReady(true);
    });
  }, [ready]);
  useEffect(() => {
    if (!ready || !upgrading.current) return;
    upgrading.current = false;
    upgraded();
  }, [ready]);
  // Unmounted between its turn and its commit: let the queue go on.
  useEffect(
    () => () => {
      if (upgrading.current) upgraded();
    },
    [],
  );
  return ready;
}

/** The app's rehype plugins, then the sanitizer, which always runs last. */
function rehypePlugins(options: MarkdownOptions | null | undefined): Options["rehypePlugins"] {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- library edge: MarkdownOptions types plugins structurally so our types need not name unified's; unified checks each plugin when it applies it (a bad one throws, and the block falls back to text)
  const own = (options?.rehypePlugins ?? []) as NonNullable<Options["rehypePlugins"]>;
  return [...own, rehypeSanitizeOutput];
}

/** One block as React elements, timed against the budget; `null` if the parse throws. */
function parseBlock(text: string, options: MarkdownOptions | null | undefined): ReactNode {
  const started = performance.now();
  try {
    return Markdown({
      children: text,
      components: markdownComponents,
      urlTransform,
      // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- library edge, as for rehypePlugins
      remarkPlugins: options?.remarkPlugins as Options["remarkPlugins"],
      rehypePlugins: rehypePlugins(options),
    });
  } catch {
    // A plugin that throws, or input deeper than the guards foresaw: the block stays text.
    return null;
  } finally {
    spentMs += performance.now() - started;
  }
}

interface BlockProps {
  text: string;
  cost: number;
  options: MarkdownOptions | null | undefined;
}

/**
 * A block parsed now if this task can afford it, else in a later task (text until then).
 * Once shown as markdown it is parsed again at once when its text changes (the last block of
 * a streaming answer): its cost is bounded by the guards.
 */
const MarkdownBlockView = memo(function MarkdownBlockView({ text, cost, options }: BlockProps) {
  const ready = useParseTurn(cost);
  const parsed = useMemo(() => (ready ? parseBlock(text, options) : null), [ready, text, options]);
  if (!ready) {
    return (
      <div className="acr-text" data-pending="">
        {text}
      </div>
    );
  }
  return parsed ?? <PlainText text={text} />;
});

function atomCost(atom: string): number | null {
  const verdict = judgeMarkdown(atom);
  return verdict.hazard === null ? verdict.cost : null;
}

/**
 * Agent text as sanitized markdown. `agentcore-react/markdown`'s renderer loads it with
 * `import()`, and `LazyMarkdown` shows it; nothing in the main entry imports it.
 */
export default function MarkdownText({ text, options }: MarkdownTextProps) {
  const blocks = useMemo(
    () => (markdownTooLong(text, options) ? null : markdownBlocks(text, atomCost)),
    [text, options],
  );
  if (!blocks) return <PlainText text={text} />;
  return (
    <div className="acr-markdown">
      {blocks.map((block, index) =>
        block.markdown ? (
          <MarkdownBlockView key={index} text={block.text} cost={block.cost} options={options} />
        ) : (
          <PlainText key={index} text={block.text} />
        ),
      )}
    </div>
  );
}
