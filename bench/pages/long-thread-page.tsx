/**
 * The page of `npm run bench:long-thread`: `<AgentChat chat={store}>` over a conversation store
 * that already holds N messages (built through the real store: user sends and agent answers
 * over a test connection), with every keystroke in the composer timed from its keydown to the
 * React commit it causes, and to the next frame.
 */
import { Profiler } from "react";
import { createRoot, type Root } from "react-dom/client";
import { AgentChat } from "../../src/index";
import { createConversationStore } from "../../src/store/create-conversation-store";
import type { ConversationStore } from "../../src/store/types";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";
import { afterNextPaint, nextFrame, sleep } from "./stream-probe";

export interface ThreadFigures {
  messages: number;
  /** Message rows in the DOM (the list renders the latest page of a long thread). */
  renderedRows: number;
  /** Building the conversation through the store, in ms. */
  buildMs: number;
  /** `root.render` until the first commit, in ms. */
  mountCommitMs: number;
  /** `root.render` until the frame after the first commit was presented, in ms. */
  mountPaintMs: number;
}

export interface KeystrokeFigures {
  keystrokes: number;
  commits: number;
  /** Per keystroke: keydown `event.timeStamp` -> the React commit it caused, in ms. */
  keyToCommitMs: number[];
  /** Per keystroke: keydown `event.timeStamp` -> the next frame after that commit, in ms. */
  keyToPaintMs: number[];
  /** Per keystroke: Profiler `actualDuration` of that commit (React render work), in ms. */
  renderMs: number[];
  /** What the composer holds after typing (checked against what was typed). */
  value: string;
}

interface Pending {
  timeStamp: number;
}

let root: Root | null = null;
let store: ConversationStore | null = null;
let measuring = false;
let onFirstCommit: (() => void) | null = null;
let pending: Pending | null = null;
let commits = 0;
let keystrokes = 0;
const keyToCommit: number[] = [];
const keyToPaint: number[] = [];
const renderDurations: number[] = [];

/** Builds `count` messages (alternating user and agent) through the real conversation store. */
function buildConversation(count: number): ConversationStore {
  const connection = new FakeConnection();
  connection.connect();
  connection.open();
  const conversation = createConversationStore({ connection });
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      conversation.send(`Question number ${i / 2 + 1}: how do I presign a WebSocket URL?`);
    } else {
      const words = "lorem ipsum dolor sit amet ".repeat((i % 7) + 1);
      connection.emit(
        { type: "text-delta", delta: `Answer number ${(i + 1) / 2}: ${words}` },
        { type: "message-end" },
      );
    }
  }
  const { messages } = conversation.getState();
  if (messages.length !== count) {
    throw new Error(`built ${messages.length} messages, wanted ${count}`);
  }
  return conversation;
}

function onKeyDown(event: KeyboardEvent): void {
  if (!measuring) return;
  keystrokes += 1;
  pending = { timeStamp: event.timeStamp };
}

function onRender(_id: string, _phase: string, actualDuration: number): void {
  if (onFirstCommit) {
    onFirstCommit();
    onFirstCommit = null;
  }
  if (!measuring) return;
  commits += 1;
  const started = pending;
  if (!started) return;
  pending = null;
  keyToCommit.push(performance.now() - started.timeStamp);
  renderDurations.push(actualDuration);
  void afterNextPaint().then((paintedAt) => keyToPaint.push(paintedAt - started.timeStamp));
}

/** Mounts the chat over a conversation of `count` messages and waits for the page to settle. */
async function mount(count: number): Promise<ThreadFigures> {
  const buildStart = performance.now();
  store = buildConversation(count);
  const buildMs = performance.now() - buildStart;

  const container = document.createElement("div");
  container.style.cssText = "width: 640px; height: 600px; display: flex;";
  document.body.append(container);
  window.addEventListener("keydown", onKeyDown, { capture: true });

  const firstCommit = new Promise<number>((resolve) => {
    onFirstCommit = () => resolve(performance.now());
  });
  const mountStart = performance.now();
  root = createRoot(container);
  root.render(
    <Profiler id="chat" onRender={onRender}>
      <AgentChat chat={store} />
    </Profiler>,
  );
  const committedAt = await firstCommit;
  const paintedAt = await afterNextPaint();
  for (let i = 0; i < 5; i++) await nextFrame();
  await sleep(300);
  return {
    messages: store.getState().messages.length,
    renderedRows: container.querySelectorAll(".acr-message").length,
    buildMs: Math.round(buildMs),
    mountCommitMs: Math.round(committedAt - mountStart),
    mountPaintMs: Math.round(paintedAt - mountStart),
  };
}

function startTyping(): void {
  keyToCommit.length = 0;
  keyToPaint.length = 0;
  renderDurations.length = 0;
  commits = 0;
  keystrokes = 0;
  pending = null;
  measuring = true;
}

async function stopTyping(): Promise<KeystrokeFigures> {
  await afterNextPaint();
  await afterNextPaint();
  measuring = false;
  const value = document.querySelector("textarea")?.value ?? "";
  root?.unmount();
  store?.destroy();
  window.removeEventListener("keydown", onKeyDown, { capture: true });
  return {
    keystrokes,
    commits,
    keyToCommitMs: [...keyToCommit],
    keyToPaintMs: [...keyToPaint],
    renderMs: [...renderDurations],
    value,
  };
}

/** What the Node script calls through `page.evaluate`. */
export interface LongThreadBenchPage {
  mount(count: number): Promise<ThreadFigures>;
  startTyping(): void;
  stopTyping(): Promise<KeystrokeFigures>;
}

(window as unknown as { longThreadBench: LongThreadBenchPage }).longThreadBench = {
  mount,
  startTyping,
  stopTyping,
};
