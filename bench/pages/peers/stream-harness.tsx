/**
 * The page side of `npm run bench:streaming`, shared by every implementation's page: mounts the
 * app under a `<Profiler>`, waits for its socket, has the app send the prompt the way it sends a
 * user message, and reports commits, frames, long tasks and when the final text was on screen.
 * Each implementation's page (`bench/pages/peers/stream-*.tsx`) calls {@link registerStreamApp}.
 */
import { Profiler, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import {
  afterNextPaint,
  countFrames,
  nextFrame,
  observeLongTasks,
  sleep,
  trackWebSockets,
  type FrameLog,
} from "../stream-probe";

export interface PeerStreamSetup {
  /** ws://127.0.0.1:PORT/agent of the bench agent. */
  url: string;
  /** Text frames the agent sends before `{"type":"done"}`. */
  textFrames: number;
  /** The end of the answer: once the page shows it, the answer is complete (unless chunks were lost). */
  finalTail: string;
  /** The whole answer, to check at the end that no chunk was lost on the way to the screen. */
  answer: string;
  /** The user message that makes the agent stream (sent as `{"inputText": prompt}`). */
  prompt: string;
  /** Implementation options (e.g. `{ throttleMs: 50 }` for useChat). */
  options: Record<string, number | string | boolean>;
}

export interface PeerStreamFigures {
  framesReceived: number;
  /** Whether the page showed the whole answer at the end (no chunk lost or reordered). */
  answerComplete: boolean;
  /** React commits from the send until the final text was committed. */
  commits: number;
  /**
   * Those of them before the first chunk arrived: the app taking the user's message (its row,
   * the emptied composer, its status), which no chunk's frame accounts for.
   */
  commitsBeforeFirstChunk: number;
  /** Sum of Profiler `actualDuration` over those commits. */
  renderMs: number;
  /** Animation frames from the first chunk's arrival until the final text was committed. */
  animationFrames: number;
  /** First chunk received -> last chunk received. */
  receiveMs: number;
  /** First chunk received -> final text committed. */
  firstChunkToFinalCommitMs: number;
  /** First chunk received -> the frame showing the final text was presented. */
  firstChunkToFinalPaintMs: number;
  longTasks: { count: number; totalMs: number; longestMs: number };
}

/** What an implementation's page provides. */
export interface StreamApp {
  /**
   * The app to mount. It calls `setSend` once it can send a user message (the harness sends
   * the prompt through it, as a user pressing Send would).
   */
  render(setup: PeerStreamSetup, setSend: (send: (text: string) => void) => void): ReactNode;
}

interface Run {
  setup: PeerStreamSetup;
  log: FrameLog;
  root: Root;
  container: HTMLElement;
  send: ((text: string) => void) | null;
  commits: number;
  commitsBeforeFirstChunk: number;
  renderMs: number;
  counting: boolean;
  lastCommitAt: number | null;
  finalCommitAt: number | null;
  onFinalCommit: (() => void) | null;
}

let run: Run | null = null;

function onRender(_id: string, _phase: string, actualDuration: number): void {
  const current = run;
  if (!current || !current.counting || current.finalCommitAt !== null) return;
  current.commits += 1;
  if (current.log.firstAt === null) current.commitsBeforeFirstChunk += 1;
  current.renderMs += actualDuration;
  current.lastCommitAt = performance.now();
  // Only look for the final text once the last chunk arrived: the check reads the whole text.
  if (current.log.lastTextAt === null) return;
  if (!(current.container.textContent ?? "").includes(current.setup.finalTail)) return;
  current.finalCommitAt = performance.now();
  current.onFinalCommit?.();
}

async function waitFor(what: string, ready: () => boolean, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > deadline) throw new Error(`${what} never happened`);
    await sleep(10);
  }
}

async function prepare(app: StreamApp, setup: PeerStreamSetup): Promise<void> {
  const log: FrameLog = { received: 0, firstAt: null, lastTextAt: null, doneAt: null, sockets: [] };
  trackWebSockets(log, setup.textFrames);
  const container = document.createElement("div");
  container.style.cssText = "width: 640px; height: 600px; display: flex;";
  document.body.append(container);
  const current: Run = {
    setup,
    log,
    root: createRoot(container),
    container,
    send: null,
    commits: 0,
    commitsBeforeFirstChunk: 0,
    renderMs: 0,
    counting: false,
    lastCommitAt: null,
    finalCommitAt: null,
    onFinalCommit: null,
  };
  run = current;
  const setSend = (send: (text: string) => void) => {
    current.send = send;
  };
  current.root.render(
    <Profiler id="chat" onRender={onRender}>
      {app.render(setup, setSend)}
    </Profiler>,
  );
  await waitFor("the socket opening", () => log.sockets[0]?.readyState === WebSocket.OPEN);
  await waitFor("the app being ready to send", () => current.send !== null);
  // Let the "open" status render and the page go idle before the stream starts.
  for (let i = 0; i < 5; i++) await nextFrame();
  await sleep(200);
}

/**
 * Resolves once every frame arrived and nothing committed for {@link QUIET_MS} without the final
 * text on screen (an app that lost chunks on the way): the last commit then counts as final.
 */
async function settledWithoutFinalText(current: Run): Promise<void> {
  const quiet = () => {
    const { doneAt } = current.log;
    const now = performance.now();
    return (
      doneAt !== null &&
      now - doneAt > QUIET_MS &&
      now - (current.lastCommitAt ?? doneAt) > QUIET_MS
    );
  };
  while (current.finalCommitAt === null && !quiet()) await sleep(50);
  current.finalCommitAt ??= current.lastCommitAt ?? current.log.doneAt!;
}

const QUIET_MS = 3_000;

async function stream(): Promise<PeerStreamFigures> {
  const current = run;
  if (!current?.send) throw new Error("prepare() first");
  const { log, setup } = current;
  const committed = new Promise<void>((resolve) => {
    current.onFinalCommit = resolve;
  });
  const frames = countFrames();
  const longTasks = observeLongTasks();
  current.counting = true;
  current.send(setup.prompt);

  await Promise.race([committed, settledWithoutFinalText(current)]);
  // Without the final text, the time to the last commit stands in for the time to final paint.
  const finalTextShown = (current.container.textContent ?? "").includes(setup.finalTail);
  const paintedAt = finalTextShown ? await afterNextPaint() : current.finalCommitAt!;
  await waitFor("the done frame", () => log.doneAt !== null);
  const frameTimes = frames.stop();
  const tasks = longTasks.stop();

  const firstAt = log.firstAt!;
  const finalAt = current.finalCommitAt!;
  const round = (n: number) => Math.round(n * 10) / 10;
  const figures: PeerStreamFigures = {
    framesReceived: log.received,
    answerComplete: (current.container.textContent ?? "").includes(setup.answer),
    commits: current.commits,
    commitsBeforeFirstChunk: current.commitsBeforeFirstChunk,
    renderMs: round(current.renderMs),
    animationFrames: frameTimes.filter((time) => time >= firstAt && time <= finalAt).length,
    receiveMs: round(log.lastTextAt! - firstAt),
    firstChunkToFinalCommitMs: round(finalAt - firstAt),
    firstChunkToFinalPaintMs: round(paintedAt - firstAt),
    longTasks: {
      count: tasks.count,
      totalMs: round(tasks.totalMs),
      longestMs: round(tasks.longestMs),
    },
  };
  current.root.unmount();
  run = null;
  return figures;
}

/** What the Node script calls through `page.evaluate`. */
export interface PeerStreamPage {
  prepare(setup: PeerStreamSetup): Promise<void>;
  stream(): Promise<PeerStreamFigures>;
}

/** Exposes the app as `window.peerStreamBench`. */
export function registerStreamApp(app: StreamApp): void {
  const page: PeerStreamPage = { prepare: (setup) => prepare(app, setup), stream };
  (window as unknown as { peerStreamBench: PeerStreamPage }).peerStreamBench = page;
}

/** The markup of the peers' minimal chats: a scrolling log of the same size as ours. */
export const PEER_STYLES = `
.peer-chat { display: flex; flex-direction: column; flex: 1; min-height: 0; font: 16px/1.5 system-ui, sans-serif; }
.peer-chat__log { flex: 1; overflow: auto; padding: 16px; }
.peer-chat__message { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 12px; }
.peer-chat__message[data-role="user"] { text-align: end; }
`;

/** Adds {@link PEER_STYLES} to the page (the peers are headless: the app brings the CSS). */
export function addPeerStyles(): void {
  const style = document.createElement("style");
  style.textContent = PEER_STYLES;
  document.head.append(style);
}
