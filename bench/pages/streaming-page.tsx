/**
 * The page of `npm run bench:streaming`: mounts `<AgentChat urlProvider>` or a naive chat
 * (setState per chunk) under a `<Profiler>`, lets the Node script's server stream an answer into
 * it, and reports commits, frames, long tasks and when the final text was on screen.
 */
import { Profiler, useEffect, useState, useSyncExternalStore } from "react";
import { createRoot, type Root } from "react-dom/client";
import { AgentChat } from "../../src/index";
import type { UrlProvider } from "../../src/providers/types";
import {
  afterNextPaint,
  countFrames,
  nextFrame,
  observeLongTasks,
  sleep,
  trackWebSockets,
  type FrameLog,
} from "./stream-probe";

/**
 * - `agent-chat`: the library.
 * - `naive`: `useState`, `setState(prev => prev + chunk)` per frame (React batches these).
 * - `naive-store`: an external store updated per frame, read with `useSyncExternalStore` (as a
 *   zustand or redux store written per chunk is): React renders those updates synchronously.
 * - `render-once`: the same socket, rendered once when the answer is done: the floor, what
 *   receiving alone costs.
 */
export type StreamVariant = "agent-chat" | "naive" | "naive-store" | "render-once";

export interface StreamSetup {
  variant: StreamVariant;
  /** ws://127.0.0.1:PORT/... of the bench server. */
  url: string;
  /** Text frames the server sends before `{"type":"done"}`. */
  textFrames: number;
  /** The end of the answer: once the page shows it, the final text is on screen. */
  finalTail: string;
  /** The frame that makes the server stream. */
  trigger: string;
}

export interface StreamFigures {
  variant: StreamVariant;
  framesReceived: number;
  /** React commits from the trigger until the final text was committed. */
  commits: number;
  /** Sum of Profiler `actualDuration` over those commits (React render work). */
  renderMs: number;
  /** Animation frames from the first chunk's arrival until the final text was committed. */
  animationFrames: number;
  /** First chunk received -> last chunk received. */
  receiveMs: number;
  /** First chunk received -> final text committed to the DOM. */
  firstChunkToFinalCommitMs: number;
  /** First chunk received -> the frame showing the final text was presented. */
  firstChunkToFinalPaintMs: number;
  /** `{"type":"done"}` received -> final text committed (negative: shown before done arrived). */
  doneToFinalCommitMs: number;
  longTasks: { count: number; totalMs: number };
}

interface Run {
  setup: StreamSetup;
  log: FrameLog;
  root: Root;
  commits: number;
  renderMs: number;
  counting: boolean;
  finalCommitAt: number | null;
  onFinalCommit: (() => void) | null;
  container: HTMLElement;
}

let run: Run | null = null;

/** The baselines' layout: a scrolling log of the same size as the chat's. */
const BASELINE_STYLES = `
.naive-chat { display: flex; flex-direction: column; flex: 1; min-height: 0; font: 16px/1.5 system-ui, sans-serif; }
.naive-chat__log { flex: 1; overflow: auto; padding: 16px; }
.naive-chat__message { white-space: pre-wrap; overflow-wrap: anywhere; }
`;
const style = document.createElement("style");
style.textContent = BASELINE_STYLES;
document.head.append(style);

/** The naive chat apps write first: one socket, `setState` on every frame. */
function NaiveChat({ url }: { url: string }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const socket = new WebSocket(url);
    socket.onmessage = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as { text?: unknown };
      if (typeof frame.text === "string") {
        const chunk = frame.text;
        setText((previous) => previous + chunk);
      }
    };
    return () => socket.close();
  }, [url]);
  return <BaselineView text={text} />;
}

/** The markup every baseline renders, so they differ only in how they update. */
function BaselineView({ text }: { text: string }) {
  return (
    <section className="naive-chat" aria-label="Chat">
      <div className="naive-chat__log" role="log">
        <div className="naive-chat__message">{text}</div>
      </div>
    </section>
  );
}

/** A text store written per chunk, the way a chat keeps messages in zustand or redux. */
function createTextStore() {
  let text = "";
  const listeners = new Set<() => void>();
  return {
    append(chunk: string) {
      text += chunk;
      for (const listener of listeners) listener();
    },
    getSnapshot: () => text,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The naive chat over an external store: one store update per frame. */
function NaiveStoreChat({ url }: { url: string }) {
  const [store] = useState(createTextStore);
  const text = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useEffect(() => {
    const socket = new WebSocket(url);
    socket.onmessage = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as { text?: unknown };
      if (typeof frame.text === "string") store.append(frame.text);
    };
    return () => socket.close();
  }, [url, store]);
  return <BaselineView text={text} />;
}

/** The floor: buffers the answer and renders it once, when it is done. */
function RenderOnce({ url }: { url: string }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const socket = new WebSocket(url);
    let buffer = "";
    socket.onmessage = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as { text?: unknown; type?: unknown };
      if (typeof frame.text === "string") buffer += frame.text;
      if (frame.type === "done") setText(buffer);
    };
    return () => socket.close();
  }, [url]);
  return <BaselineView text={text} />;
}

const VARIANTS: Record<Exclude<StreamVariant, "agent-chat">, typeof NaiveChat> = {
  naive: NaiveChat,
  "naive-store": NaiveStoreChat,
  "render-once": RenderOnce,
};

function onRender(_id: string, _phase: string, actualDuration: number): void {
  const current = run;
  if (!current || !current.counting || current.finalCommitAt !== null) return;
  current.commits += 1;
  current.renderMs += actualDuration;
  // Only look for the final text once the last chunk arrived: the check reads the whole text.
  if (current.log.lastTextAt === null) return;
  if (!(current.container.textContent ?? "").includes(current.setup.finalTail)) return;
  current.finalCommitAt = performance.now();
  current.onFinalCommit?.();
}

/** Mounts the variant, waits for its socket to open and the page to settle. */
async function prepare(setup: StreamSetup): Promise<void> {
  const log: FrameLog = { received: 0, firstAt: null, lastTextAt: null, doneAt: null, sockets: [] };
  trackWebSockets(log, setup.textFrames);
  const container = document.createElement("div");
  container.style.cssText = "width: 640px; height: 600px; display: flex;";
  document.body.append(container);
  const root = createRoot(container);
  run = {
    setup,
    log,
    root,
    commits: 0,
    renderMs: 0,
    counting: false,
    finalCommitAt: null,
    onFinalCommit: null,
    container,
  };

  const urlProvider: UrlProvider = async ({ sessionId }) => ({
    url: setup.url,
    sessionId,
    expiresAt: Date.now() + 300_000,
  });
  const Baseline = setup.variant === "agent-chat" ? null : VARIANTS[setup.variant];
  root.render(
    <Profiler id="chat" onRender={onRender}>
      {Baseline ? <Baseline url={setup.url} /> : <AgentChat urlProvider={urlProvider} />}
    </Profiler>,
  );

  const deadline = performance.now() + 10_000;
  while (log.sockets[0]?.readyState !== WebSocket.OPEN) {
    if (performance.now() > deadline) throw new Error(`${setup.variant}: the socket never opened`);
    await sleep(10);
  }
  // Let the "open" status render and the page go idle before the stream starts.
  for (let i = 0; i < 5; i++) await nextFrame();
  await sleep(200);
}

/** Makes the server stream, and resolves once the final text was presented. */
async function stream(): Promise<StreamFigures> {
  const current = run;
  if (!current) throw new Error("prepare() first");
  const { log, setup } = current;
  const committed = new Promise<void>((resolve) => {
    current.onFinalCommit = resolve;
  });
  const frames = countFrames();
  const longTasks = observeLongTasks();
  current.counting = true;
  log.sockets[0]!.send(setup.trigger);

  const timeout = sleep(120_000).then(() => {
    throw new Error(`${setup.variant}: the final text never appeared (${log.received} frames)`);
  });
  await Promise.race([committed, timeout]);
  const paintedAt = await afterNextPaint();
  // Wait for the done frame too (a variant may show the text before it arrives).
  const doneDeadline = performance.now() + 10_000;
  while (log.doneAt === null) {
    if (performance.now() > doneDeadline) throw new Error(`${setup.variant}: no done frame`);
    await sleep(5);
  }
  const frameTimes = frames.stop();
  const tasks = longTasks.stop();

  const firstAt = log.firstAt!;
  const finalAt = current.finalCommitAt!;
  const round = (n: number) => Math.round(n * 10) / 10;
  const figures: StreamFigures = {
    variant: setup.variant,
    framesReceived: log.received,
    commits: current.commits,
    renderMs: round(current.renderMs),
    animationFrames: frameTimes.filter((time) => time >= firstAt && time <= finalAt).length,
    receiveMs: round(log.lastTextAt! - firstAt),
    firstChunkToFinalCommitMs: round(finalAt - firstAt),
    firstChunkToFinalPaintMs: round(paintedAt - firstAt),
    doneToFinalCommitMs: round(finalAt - log.doneAt),
    longTasks: { count: tasks.count, totalMs: round(tasks.totalMs) },
  };
  current.root.unmount();
  run = null;
  return figures;
}

/** What the Node script calls through `page.evaluate`. */
export interface StreamingBenchPage {
  prepare(setup: StreamSetup): Promise<void>;
  stream(): Promise<StreamFigures>;
}

(window as unknown as { streamingBench: StreamingBenchPage }).streamingBench = { prepare, stream };
