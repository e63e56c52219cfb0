/// <reference types="vite/client" />
import { cleanup, render } from "@testing-library/react";
import { commands, userEvent } from "vitest/browser";
import "../../src/react/styles.css";
import { AgentChat, createConversationStore, type Conversation } from "../../src/index";
import { markdown as markdownRenderer } from "../../src/markdown";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";
// Load the lazy markdown module up front: its first load is the dev server's work, not ours.
import "../../src/react/components/markdown/markdown-text";
import { measureTasks, nextFrame, nextTask, type TaskFigures } from "./long-tasks";

// Hostile agent output must not freeze the page. Each payload streams into a real conversation
// store (over a fake connection: the store and the UI are what is under test) and renders in
// <AgentChat>, with markdown on and off. Measured in Chromium with the Long Tasks API.
// `npm run bench:hostile` holds every task to the goal, 100 ms, and writes the figures to
// bench/results/hostile-output.json, the file the README cites. Inside `npm test` the limit is a
// generous 500 ms (figures in test-results/): a loaded machine stretches tasks (one of 50 ms
// measured 129 ms at a load average of 13 on 2 cores), while the failures this guards against
// took from 0.4 s to minutes.

const BENCH = Boolean(import.meta.env.VITE_ACR_BENCH_RESULTS);
/** The goal for any single main-thread task. */
const TASK_GOAL_MS = 100;
/** What a task may take in this run: the goal when benchmarking, else a loaded machine's margin. */
const TASK_LIMIT_MS = BENCH ? TASK_GOAL_MS : 5 * TASK_GOAL_MS;
/** Frames of the size a socket delivers (16 KB). */
const CHUNK_CHARS = 16 * 1024;
/** The store's default cap (`maxMessageChars`) and the chat's (`maxDisplayChars`). */
const STORE_CAP = 1_000_000;
const DISPLAY_CAP = 20_000;
/** Guards against a hung run only; the assertions are on task lengths. */
const TIMEOUT_MS = 180_000;

// IS_REACT_ACT_ENVIRONMENT off: let React schedule as it would in an app.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

function nestedList(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
}

function nestedQuoteLines(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${">".repeat(i + 1)} quote ${i}`).join("\n");
}

/** A long answer of ordinary, dense markdown: the case the guards must leave alone. */
function ordinaryMarkdown(chars: number): string {
  const section =
    "## Step\n\nSome **bold** text, a [link](https://example.com/docs) and `code`.\n\n- one\n- two\n\n> a quote\n\n";
  return section.repeat(Math.ceil(chars / section.length)).slice(0, chars);
}

interface Payload {
  name: string;
  text: () => string;
  /** Streamed in 16 KB frames (default), or as one event. */
  oneEvent?: boolean;
  /** Markdown the guards must leave as markdown (a control), not fall back to text. */
  staysMarkdown?: string;
  /** With markdown, the render is done only once this shows (e.g. code the highlighter coloured). */
  settles?: string;
}

/** A fence of crafted code just within the highlighting limits (1,000-character lines). */
function craftedCode(): string {
  const line = `${"a ".repeat(499)}\n`;
  return `\`\`\`ts\n${line.repeat(19)}\`\`\``;
}

const PAYLOADS: Payload[] = [
  { name: "10 MB in 16 KB frames", text: () => "All work and no play. ".repeat(476_191) },
  { name: "10 MB in one event", text: () => "x".repeat(10_000_000), oneEvent: true },
  { name: "1,000-deep nested list (1 MB)", text: () => nestedList(1000), oneEvent: true },
  { name: "20,000 [", text: () => "[".repeat(20_000), oneEvent: true },
  { name: "40,000 [", text: () => "[".repeat(40_000), oneEvent: true },
  { name: "4 KB nested blockquote", text: () => `${">".repeat(4096)} deep`, oneEvent: true },
  { name: "200 nested quote lines", text: () => nestedQuoteLines(200), oneEvent: true },
  { name: "10,000 *a (emphasis)", text: () => "*a".repeat(10_000), oneEvent: true },
  {
    name: "5,000-deep emphasis",
    text: () => `${"*".repeat(5_000)}a${"*".repeat(5_000)}`,
    oneEvent: true,
  },
  { name: "5,000 inline list markers", text: () => `${"- ".repeat(5_000)}a`, oneEvent: true },
  { name: "10,000 backticks", text: () => "`a".repeat(10_000), oneEvent: true },
  { name: "3,000 links", text: () => "[a](https://x.example/) ".repeat(3_000), oneEvent: true },
  { name: "1 MB without whitespace", text: () => "y".repeat(1_000_000), oneEvent: true },
  { name: "5,000 nested <div>", text: () => "<div>".repeat(5_000), oneEvent: true },
  {
    name: "20,000 combining marks on one letter",
    text: () => `Z${"\u0301\u0316\u0345".repeat(6_666)}`,
    oneEvent: true,
  },
  { name: "100,000 short lines", text: () => "line\n".repeat(100_000) },
  { name: "6,000 paragraphs", text: () => "A paragraph.\n\n".repeat(6_000), staysMarkdown: "p" },
  {
    // Highlighted, unless an earlier block as long highlighted slowly (a loaded machine), in
    // which case the highlighter leaves it plain: either way the work is done.
    name: "19 KB of crafted code in a ts fence",
    text: craftedCode,
    oneEvent: true,
    staysMarkdown: "pre code",
    settles: "pre code[data-highlighted], pre code[data-highlight-skipped]",
  },
  {
    name: "20,000 characters of dense markdown",
    text: () => ordinaryMarkdown(DISPLAY_CAP),
    oneEvent: true,
    staysMarkdown: "h2, strong, a, code, li, blockquote",
  },
];

interface Mounted {
  store: Conversation;
  connection: FakeConnection;
  frame: HTMLElement;
}

function mount(markdown: boolean): Mounted {
  const connection = new FakeConnection();
  const store = createConversationStore({ connection });
  connection.open();
  const { container } = render(
    <div className="frame" style={{ width: 640, height: 480, display: "flex" }}>
      <AgentChat chat={store} markdown={markdown && markdownRenderer} />
    </div>,
  );
  return { store, connection, frame: container.querySelector<HTMLElement>(".frame")! };
}

/** Streams `text` as one answer, each frame in a task of its own, as a socket delivers them. */
async function stream(connection: FakeConnection, text: string, oneEvent: boolean): Promise<void> {
  const messageId = "hostile";
  connection.emit({ type: "message-start", messageId });
  const size = oneEvent ? text.length : CHUNK_CHARS;
  for (let i = 0; i < text.length; i += size) {
    connection.emit({ type: "text-delta", messageId, delta: text.slice(i, i + size) });
    await nextTask();
  }
  connection.emit({ type: "message-end", messageId });
}

function answer(frame: HTMLElement): HTMLElement {
  return frame.querySelector<HTMLElement>(".acr-message--assistant .acr-message__bubble")!;
}

/** The text the bubble shows, without the visually hidden "Agent: " and the button. */
function shownText(frame: HTMLElement): string {
  const bubble = answer(frame).cloneNode(true) as HTMLElement;
  bubble.querySelectorAll(".acr-visually-hidden, button").forEach((node) => node.remove());
  return bubble.textContent ?? "";
}

interface Row extends TaskFigures {
  payload: string;
  markdown: boolean;
  chars: number;
  phase: "render" | "show all";
  elapsedMs: number;
  /** The worst task of every attempt, in order (see {@link ATTEMPTS}). */
  attempts: number[];
}

/**
 * Attempts per payload. The machine is shared: another process can stall the page's thread
 * mid-task, which the Long Tasks API counts as the task's time. So a payload that shows a task
 * over the budget runs again, up to this many times, and passes if one run stays within it;
 * work the payload really causes shows in every run (before the fix: 0.4-6 s, every time).
 */
const ATTEMPTS = 3;

const rows: Row[] = [];

afterAll(async () => {
  const report = {
    measuredAt: new Date().toISOString(),
    userAgent: navigator.userAgent,
    note: "Chromium via vitest browser mode, React development build, on a shared 2-core machine. worstTaskMs: the longest task the Long Tasks API reported in the best of up to 3 attempts (0 = none of 50 ms or more); attempts: the worst task of each attempt; worstFrameGapMs: the longest time between two animation frames. Each payload streams into a conversation store (default maxMessageChars) and renders in <AgentChat> (default maxDisplayChars and markdown limits).",
    taskGoalMs: TASK_GOAL_MS,
    taskLimitMs: TASK_LIMIT_MS,
    rows,
  };
  const target = BENCH ? "bench/results/hostile-output.json" : "test-results/hostile-output.json";
  await commands.writeFile(target, `${JSON.stringify(report, null, 2)}\n`);
});

/** What one run of a payload measured, and the chat it left. */
interface Run {
  render: TaskFigures & { elapsedMs: number };
  reveal: (TaskFigures & { elapsedMs: number }) | null;
  /** The "Show all" button's text, when there was one. */
  showAll: string | null;
  frame: HTMLElement;
}

async function timed(work: () => Promise<void>): Promise<TaskFigures & { elapsedMs: number }> {
  const started = performance.now();
  const figures = await measureTasks(work);
  return { ...figures, elapsedMs: Math.round(performance.now() - started) };
}

/** Streams the payload into a fresh chat and, when it offers "Show all", reveals the rest. */
async function run(payload: Payload, text: string, markdown: boolean): Promise<Run> {
  const { connection, frame } = mount(markdown);
  await nextFrame();
  const render = await timed(async () => {
    await stream(connection, text, payload.oneEvent ?? false);
    await expect
      .poll(() => answer(frame)?.closest("[data-status]")?.getAttribute("data-status"))
      .toBe("complete");
    // Every block parsed: nothing is left as text waiting for a later task.
    if (markdown) await expect.poll(() => pendingBlocks(frame), { timeout: 20_000 }).toBe(0);
    const settles = markdown && payload.settles;
    if (settles)
      await expect.poll(() => frame.querySelector(settles), { timeout: 20_000 }).not.toBeNull();
  });
  const showAll = frame.querySelector<HTMLButtonElement>(".acr-message__show-all");
  if (!showAll) return { render, reveal: null, showAll: null, frame };
  const label = showAll.textContent;
  const reveal = await timed(async () => {
    await userEvent.click(showAll);
    await expect.poll(() => frame.querySelector(".acr-message__show-all")).toBeNull();
    await nextFrame();
  });
  return { render, reveal, showAll: label, frame };
}

/** Blocks of a markdown answer still shown as text until a later task parses them. */
function pendingBlocks(frame: HTMLElement): number {
  return frame.querySelectorAll(".acr-markdown > [data-pending]").length;
}

const worst = (result: Run) => Math.max(result.render.worstTaskMs, result.reveal?.worstTaskMs ?? 0);

describe("hostile agent output keeps every main-thread task under 100 ms", () => {
  for (const markdown of [false, true]) {
    describe(markdown ? "<AgentChat markdown>" : "<AgentChat>", () => {
      for (const payload of PAYLOADS) {
        it(
          payload.name,
          async () => {
            const text = payload.text();
            const attempts: Run[] = [];
            let best: Run | null = null;
            while (attempts.length < ATTEMPTS && (!best || worst(best) >= TASK_LIMIT_MS)) {
              cleanup();
              const result = await run(payload, text, markdown);
              attempts.push(result);
              if (!best || worst(result) < worst(best)) best = result;
            }
            const { render, reveal, showAll, frame } = best!;
            const base = { payload: payload.name, markdown, chars: text.length };
            rows.push({
              ...base,
              phase: "render",
              ...render,
              attempts: attempts.map((a) => a.render.worstTaskMs),
            });
            if (reveal) {
              rows.push({
                ...base,
                phase: "show all",
                ...reveal,
                attempts: attempts.map((a) => a.reveal?.worstTaskMs ?? 0),
              });
            }
            expect(render.worstTaskMs, JSON.stringify(render)).toBeLessThan(TASK_LIMIT_MS);
            expect(reveal?.worstTaskMs ?? 0, JSON.stringify(reveal)).toBeLessThan(TASK_LIMIT_MS);

            // What is shown at first: the beginning, cut at the display cap (or a line break or
            // space just before it), as markdown for the controls and as text otherwise.
            const kept = Math.min(text.length, STORE_CAP);
            const shown = Math.min(kept, DISPLAY_CAP);
            expect(frame.querySelector(".acr-message__truncated") !== null, "truncated note").toBe(
              text.length > STORE_CAP,
            );
            if (markdown && payload.staysMarkdown) {
              expect(answer(frame).querySelector(payload.staysMarkdown)).not.toBeNull();
            }
            if (!reveal) {
              if (!payload.staysMarkdown || !markdown) expect(shownText(frame)).toBe(text);
              expect(kept).toBeLessThanOrEqual(DISPLAY_CAP);
              return;
            }
            // After "Show all": every character the store kept, as text after the markdown.
            expect(kept).toBeGreaterThan(DISPLAY_CAP);
            expect(showAll).toBe(`Show all (${kept.toLocaleString("en-US")} characters)`);
            const all = shownText(frame);
            if (!markdown || !payload.staysMarkdown) expect(all).toBe(text.slice(0, kept));
            expect(all.endsWith(text.slice(kept - 100, kept))).toBe(true);
            expect(shown).toBe(DISPLAY_CAP);
          },
          TIMEOUT_MS,
        );
      }
    });
  }

  it(
    "1 MB of tool-call arguments, opened",
    async () => {
      const args = JSON.stringify({ data: "z".repeat(1_000_000) });
      let opened: (TaskFigures & { elapsedMs: number }) | null = null;
      const attempts: number[] = [];
      let frame: HTMLElement | null = null;
      while (attempts.length < ATTEMPTS && (!opened || opened.worstTaskMs >= TASK_LIMIT_MS)) {
        cleanup();
        const mounted = mount(false);
        frame = mounted.frame;
        const { connection } = mounted;
        await nextFrame();
        const result = await timed(async () => {
          connection.emit({ type: "message-start", messageId: "tool" });
          connection.emit({
            type: "tool-call-start",
            toolCallId: "t",
            name: "dump",
            parentMessageId: "tool",
          });
          for (let i = 0; i < args.length; i += CHUNK_CHARS) {
            connection.emit({
              type: "tool-call-args",
              toolCallId: "t",
              delta: args.slice(i, i + CHUNK_CHARS),
            });
            await nextTask();
          }
          connection.emit({ type: "tool-call-end", toolCallId: "t" });
          connection.emit({ type: "message-end", messageId: "tool" });
          await nextFrame();
          await userEvent.click(frame!.querySelector("summary")!);
          await expect.poll(() => frame!.querySelector("details")?.open).toBe(true);
          await nextFrame();
        });
        attempts.push(result.worstTaskMs);
        if (!opened || result.worstTaskMs < opened.worstTaskMs) opened = result;
      }
      rows.push({
        payload: "1 MB of tool-call arguments, opened",
        markdown: false,
        chars: args.length,
        phase: "render",
        ...opened!,
        attempts,
      });
      expect(opened!.worstTaskMs, JSON.stringify(opened)).toBeLessThan(TASK_LIMIT_MS);
      // The arguments are shown as far as the display cap, and the store kept the rest.
      const payload = frame!.querySelector(".acr-tool-call__payload")!;
      expect(payload.textContent!.length).toBeLessThanOrEqual(DISPLAY_CAP);
      expect(frame!.querySelector(".acr-tool-call .acr-message__show-all")).toHaveTextContent(
        `Show all (${Math.min(args.length, STORE_CAP).toLocaleString("en-US")} characters)`,
      );
    },
    TIMEOUT_MS,
  );
});
