/**
 * The performance and size goals the library holds itself to, each checked against the result
 * files of one `npm run bench` run: what was measured, whether it holds, and for a goal that
 * does not hold, why (written by hand in {@link MISSED_BECAUSE}, so a newly missed goal cannot
 * be published without its reason). `bench/render-docs.ts` writes them to the README, missed
 * goals first.
 */
import { ratioText, type PeerResult, type SigningResult } from "./doc-tables";

/** One entry of `bench/results/size.json`. */
export interface SizeEntry {
  name: string;
  sizeLimitGzipBytes: number | null;
  wholeGzipBytes: number | null;
}

export interface SizeResult {
  entries: SizeEntry[];
}

export interface GoalRow {
  id: string;
  goal: string;
  measured: string;
  met: boolean;
  because: string;
}

/** Why each goal that is missed today is missed; a goal missed without an entry here throws. */
export const MISSED_BECAUSE: Record<string, string> = {
  "stream-main-burst":
    "the best peer here (react-use-websocket with `onMessage`: one `setState` per frame into one `<div>`) adds little to what receiving the stream costs at all: 685 ms against ours' 737 in this run. `npm run bench:streaming:profile` runs a page that only receives and parses the 10,000 frames and draws the answer once: in burst it took 0.70x of ours' main-thread time (1,279 against 1,833 ms, both profiled on 2026-12-04 at load 5). 0.5x of that peer (about 0.46x of ours) is below that floor for any UI; what ours adds to it is the codec, the store and 5-7 commits",
  "stream-main-paced":
    "ours draws the growing answer at most every 50 ms (`streamingInterval`, about 160 commits in the 10 s stream to the throttled useChat's 202), and most of what is left is receiving and parsing the 10,000 frames: in the profile the page that does only that took 0.44x of ours' main-thread time (1,509 of 3,420 ms, paced, profiled). The ratio sits near the goal: 0.47x on the recorded run at load 3, 0.502x on a run at load 6.5",
  "stream-layout":
    "ours spends 31 ms against the best peer's 30 ms in this run (react-use-websocket with `onMessage`: one `<div>` of text and nothing else, in 7 commits to ours' 6): ours also lays out the chat around the answer (composer, actions, the scroller's anchoring), so a burst drawn in a handful of commits costs it about what it costs the bare `<div>`. Paced, ours lays out 0.14x of the best peer on main-thread time (useChat with a throttle) and at most 0.18x of any peer",
  "stream-paint-paced":
    "the paced stream itself lasts 10 s (one chunk per millisecond) and every implementation that keeps up paints its end within a frame or two of the last chunk (ours 10,004 ms, the best peer 10,002 ms): 0.9x would mean painting the last chunk before it arrives. The goal cannot be met as set",
  "stream-long-task":
    "this run was on a loaded machine (see the load average above), where the worst task also holds time the thread waited for a core; whether it holds on an idle machine is not measured here. The hostile-output suite keeps every task under 100 ms for output built to be slow",
  "thread-keydown":
    "a keystroke has a floor that no chat can go under: the browser's editing of the textarea, one React commit and the wait for the next frame. The bench measures it with a bare controlled `<textarea>`: 5.65 ms from keydown to paint in this run (load 2.8). Ours paints in 7.3 ms (1.3 ms above the floor; 6.8 ms with 50 messages), the memoized useChat list in 13.1 ms; 0.5x would be 6.55 ms, within 0.9 ms of a bare textarea. On the previous recorded run, at load 28, ours was 0.40x",
  "size-hook":
    "the connection alone (presigned-URL supply, prefetch, clock skew, outbox, offline, close policy, heartbeats) is about 10.7 kB; those guarantees stay, and react-use-websocket has none of them. Where the bytes go: `npm run size:report`",
  "voice-main-thread":
    "the browser's own work per message dominates: in a CPU profile, `WebSocket.send`, the copy of each agent frame to the playback worklet and Chromium's message dispatch take about 2.4% of the call, the library's JavaScript about 0.5% (docs/voice.md); on a loaded machine",
  "voice-underruns":
    "the agent's audio reaches the playback worklet through the page's main thread; on a loaded machine a stall of it (or of the emulator, in the bench's own Node process) longer than the 200 ms the agent sends ahead lets the queue run dry. The page's longest stall in the run is in the voice table below",
  "size-chat":
    "the hook, store and connection under it are 17.8 kB of the 20; what the chat adds over them is 19.7 kB (its own parts about 13.5 kB, its stylesheet 6.3 kB). Passes that removed restated code and rules saved 0.5 kB; what remains is the features the chat shows. Moving more behind `import()` does not hold up: the connection's recovery code cannot be fetched while the page is offline, an approval behind a chunk that failed to load would be hidden, and the editor and approval UI as chunks save 0.10 kB here. Measured against the peers in one app build (`npm run bench:size:app`, below), `<AgentChat>` adds the least of every chat: 37.9 kB to a Vite app's first load, against 118.6 kB for Amplify UI's `AIConversation` as its docs set it up and 58.4 kB for a bare, unstyled `useChat` list",
};

const ratio = (value: number) => `${ratioText(value)}x`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Ours / the best peer: the largest of the per-peer median ratios (the best peer costs least). */
function versusBestPeer(result: PeerResult, scenario: string, metric: string) {
  const ratios = result.scenarios[scenario]!.ratios[metric]!;
  let worst = { peer: "", value: -Infinity };
  for (const [peer, { median }] of Object.entries(ratios)) {
    if (median !== null && median > worst.value) worst = { peer, value: median };
  }
  return { value: worst.value, label: result.implementationInfo[worst.peer]!.label };
}

/**
 * An entry's min+gzip bytes: size-limit's figure (the CI gate) by default; `whole` (esbuild and
 * gzip alone, the only figure the peers have) where ours is compared with a peer.
 */
function size(result: SizeResult, prefix: string, figure: "gate" | "whole" = "gate"): number {
  const entry = result.entries.find((candidate) => candidate.name.startsWith(prefix));
  const bytes =
    figure === "whole"
      ? entry?.wholeGzipBytes
      : (entry?.sizeLimitGzipBytes ?? entry?.wholeGzipBytes);
  if (bytes === null || bytes === undefined) throw new Error(`size.json: no "${prefix}…" entry`);
  return bytes;
}

function streamingGoals(stream: PeerResult): Omit<GoalRow, "because">[] {
  const vsBest = (id: string, goal: string, scenario: string, metric: string, limit: number) => {
    const { value, label } = versusBestPeer(stream, scenario, metric);
    return { id, goal, measured: `${ratio(value)} (vs ${label})`, met: value <= limit };
  };
  const longestTasks = ["burst", "paced"].map(
    (s) => stream.scenarios[s]!.medians.ours!.longestTaskMs!,
  );
  const longest = Math.max(...longestTasks.map((task) => task.median));
  const worst = Math.max(...longestTasks.map((task) => task.max));
  // The browser reports long tasks from 50 ms up: 0 is a round without any.
  const longestMeasured =
    longest === 0
      ? `none of 50 ms or more in the median round (worst round: ${Math.round(worst)} ms)`
      : `${Math.round(longest)} ms (median of the worst task per round; worst round: ${Math.round(worst)} ms)`;
  return [
    vsBest(
      "stream-main-burst",
      "streaming, burst: main thread <= 0.5x the best peer",
      "burst",
      "mainThreadMs",
      0.5,
    ),
    vsBest(
      "stream-main-paced",
      "streaming, paced: main thread <= 0.5x the best peer",
      "paced",
      "mainThreadMs",
      0.5,
    ),
    vsBest(
      "stream-layout",
      "streaming, burst: layout + style <= 0.5x the best peer",
      "burst",
      "layoutStyleMs",
      0.5,
    ),
    vsBest(
      "stream-layout-paced",
      "streaming, paced: layout + style <= 0.5x the best peer",
      "paced",
      "layoutStyleMs",
      0.5,
    ),
    vsBest(
      "stream-paint-paced",
      "streaming, paced: first chunk to final paint <= 0.9x the best peer",
      "paced",
      "firstChunkToFinalPaintMs",
      0.9,
    ),
    {
      id: "stream-long-task",
      goal: "streaming: no task over 100 ms",
      measured: longestMeasured,
      met: longest <= 100,
    },
  ];
}

function threadGoals(thread: PeerResult): Omit<GoalRow, "because">[] {
  const ratios = thread.scenarios.thread!.ratios;
  const keydown = ratios.keyToPaintMs!["ai-sdk-memo"]!.median!;
  const open = ratios.openMs!["assistant-ui"]!.median!;
  return [
    {
      id: "thread-keydown",
      goal: "5,000 messages: keydown to paint <= 0.5x a memoized useChat list",
      measured: ratio(keydown),
      met: keydown <= 0.5,
    },
    {
      id: "thread-open",
      goal: "5,000 messages: opening <= 0.5x assistant-ui",
      measured: ratio(open),
      met: open <= 0.5,
    },
  ];
}

function sizeGoals(sizes: SizeResult): Omit<GoalRow, "because">[] {
  const hook = size(sizes, "hook + connection", "whole");
  const rws = size(sizes, "peer: react-use-websocket", "whole");
  const chat = size(sizes, "<AgentChat> complete") + size(sizes, "stylesheet");
  const signing = size(sizes, "agentcore-react/signing", "whole");
  const floor = size(sizes, "peer: smithy signing floor", "whole");
  return [
    {
      id: "size-hook",
      goal: "`useAgentRuntimeSocket` <= 0.9x react-use-websocket",
      measured: `${kB(hook)} (${ratio(hook / rws)})`,
      met: hook <= 0.9 * rws,
    },
    {
      id: "size-chat",
      goal: "`<AgentChat>` JS + CSS <= 20 kB",
      measured: kB(chat),
      met: chat <= 20_000,
    },
    {
      id: "size-signing",
      goal: "signing <= 1.1x the smithy floor",
      measured: `${kB(signing)} (${ratio(signing / floor)})`,
      met: signing <= 1.1 * floor,
    },
  ];
}

/** Every goal, missed ones first; throws for a missed goal without a reason. */
export function goalRows(
  stream: PeerResult,
  thread: PeerResult,
  signing: SigningResult,
  sizes: SizeResult,
  voice?: { goals: Omit<GoalRow, "because">[] },
): GoalRow[] {
  const presign = signing.node.ratios.smithy!.median;
  const rows = [
    ...streamingGoals(stream),
    ...threadGoals(thread),
    {
      id: "presign-time",
      goal: "presigning <= 1.3x raw smithy's time (Node)",
      measured: ratio(presign),
      met: presign <= 1.3,
    },
    ...sizeGoals(sizes),
    ...(voice?.goals ?? []),
  ].map((row) => {
    const because = row.met ? "" : MISSED_BECAUSE[row.id];
    if (because === undefined)
      throw new Error(`goal ${row.id} is missed: say why in MISSED_BECAUSE`);
    return { ...row, because };
  });
  return [...rows.filter((row) => !row.met), ...rows.filter((row) => row.met)];
}

/** The goals as a Markdown table. */
export function goalTable(rows: GoalRow[]): string {
  return [
    "| goal | measured | | why missed |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.goal} | ${row.measured} | ${row.met ? "met" : "**missed**"} | ${row.because} |`,
    ),
  ].join("\n");
}
