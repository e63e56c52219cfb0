/**
 * The page side of `npm run bench:long-thread`, shared by every implementation's page: opens a
 * thread of N messages (time from `root.render` until the frame showing the last message was
 * presented), then times every keystroke typed into the composer from its keydown to the next
 * presented frame. Each implementation's page (`thread-*.tsx`) calls {@link registerThreadApp}.
 */
import { Profiler, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterNextPaint, nextFrame, sleep } from "../stream-probe";

/** One message of the seeded thread, before any library sees it. */
export interface ThreadMessage {
  role: "user" | "assistant";
  text: string;
}

/** The thread every implementation opens: questions and answers, alternating. */
export function threadMessages(count: number): ThreadMessage[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? { role: "user", text: `Question number ${i / 2 + 1}: how do I presign a WebSocket URL?` }
      : {
          role: "assistant",
          text: `Answer number ${(i + 1) / 2}: ${"lorem ipsum dolor sit amet ".repeat((i % 7) + 1)}`,
        },
  );
}

/** Text that only the thread's last message holds. */
export function lastMessageMarker(count: number): string {
  return count % 2 === 0 ? `Answer number ${count / 2}:` : `Question number ${(count + 1) / 2}:`;
}

export interface ThreadSetup {
  messages: number;
  options: Record<string, number | string | boolean>;
}

/** What an implementation's page provides. */
export interface ThreadApp {
  /** Builds what the app keeps (a store, message objects): setup, not timed. */
  prepare(messages: ThreadMessage[], setup: ThreadSetup): unknown;
  /** The app over what `prepare` built. */
  render(prepared: unknown, setup: ThreadSetup): ReactNode;
}

export interface OpenFigures {
  /** `root.render` -> the frame showing the last message was presented, in ms. */
  openMs: number;
  /** Message rows in the DOM once open (a paged list renders only the latest). */
  renderedMessages: number;
}

export interface TypingFigures {
  keystrokes: number;
  commits: number;
  /** Per keystroke: keydown `event.timeStamp` -> the next presented frame, in ms. */
  keyToPaintMs: number[];
  /** What the composer holds after typing (checked against what was typed). */
  value: string;
}

let root: Root | null = null;
let commits = 0;
let measuring = false;
const keyToPaint: number[] = [];

function onKeyDown(event: KeyboardEvent): void {
  if (!measuring) return;
  const { timeStamp } = event;
  void afterNextPaint().then((paintedAt) => keyToPaint.push(paintedAt - timeStamp));
}

function onRender(): void {
  if (measuring) commits += 1;
}

/** Resolves after the frame in which `ready()` first held was presented. */
function paintedWhen(ready: () => boolean, ms = 120_000): Promise<number> {
  const deadline = performance.now() + ms;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ready()) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      } else if (performance.now() > deadline) reject(new Error("the thread never showed"));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

async function open(app: ThreadApp, setup: ThreadSetup): Promise<OpenFigures> {
  const messages = threadMessages(setup.messages);
  const prepared = app.prepare(messages, setup);
  const container = document.createElement("div");
  container.style.cssText = "width: 640px; height: 600px; display: flex;";
  document.body.append(container);
  window.addEventListener("keydown", onKeyDown, { capture: true });
  const marker = lastMessageMarker(setup.messages);
  await nextFrame();
  const start = performance.now();
  root = createRoot(container);
  root.render(
    <Profiler id="chat" onRender={onRender}>
      {app.render(prepared, setup)}
    </Profiler>,
  );
  const paintedAt = await paintedWhen(() => (container.textContent ?? "").includes(marker));
  const openMs = Math.round((paintedAt - start) * 10) / 10;
  for (let i = 0; i < 5; i++) await nextFrame();
  await sleep(300);
  const renderedMessages =
    (container.textContent ?? "").match(/(Question|Answer) number \d+:/g)?.length ?? 0;
  return { openMs, renderedMessages };
}

function startTyping(): void {
  keyToPaint.length = 0;
  commits = 0;
  measuring = true;
}

async function stopTyping(expected: number): Promise<TypingFigures> {
  const deadline = performance.now() + 30_000;
  while (keyToPaint.length < expected && performance.now() < deadline) await nextFrame();
  measuring = false;
  const value = document.querySelector("textarea")?.value ?? "";
  const figures = { keystrokes: keyToPaint.length, commits, keyToPaintMs: [...keyToPaint], value };
  root?.unmount();
  window.removeEventListener("keydown", onKeyDown, { capture: true });
  return figures;
}

/** What the Node script calls through `page.evaluate`. */
export interface ThreadBenchPage {
  open(setup: ThreadSetup): Promise<OpenFigures>;
  startTyping(): void;
  stopTyping(expected: number): Promise<TypingFigures>;
}

/** Exposes the app as `window.threadBench`. */
export function registerThreadApp(app: ThreadApp): void {
  const page: ThreadBenchPage = { open: (setup) => open(app, setup), startTyping, stopTyping };
  (window as unknown as { threadBench: ThreadBenchPage }).threadBench = page;
}
