import { baselineSource } from "./lib/bundle";
import { answerTail } from "./lib/seeded-stream";
import type { StreamScript } from "./lib/stream-server";
import type { PeerStreamSetup } from "./pages/peers/stream-harness";

/** One way the agent streams the answer: back-to-back, or one chunk per millisecond. */
export interface StreamScenario extends StreamScript {
  name: "burst" | "paced";
  /** The user message that asks the bench agent for this scenario. */
  prompt: string;
}

/** The scenarios over `chunks`, those named in `BENCH_SCENARIOS` (default both). */
export function streamScenarios(chunks: readonly string[]): StreamScenario[] {
  const names = (process.env.BENCH_SCENARIOS ?? "burst,paced").split(",");
  return (
    [
      { name: "burst", prompt: "bench:burst", chunks },
      { name: "paced", prompt: "bench:paced", chunks, chunksPerMs: 1 },
    ] satisfies StreamScenario[]
  ).filter((scenario) => names.includes(scenario.name));
}

/** What the page of `impl` is told before streaming `scenario` from the agent at `url`. */
export function peerStreamSetup(
  scenario: StreamScenario,
  impl: StreamImplementation,
  url: string,
): PeerStreamSetup {
  return {
    url,
    textFrames: scenario.chunks.length,
    finalTail: answerTail(scenario.chunks),
    answer: scenario.chunks.join(""),
    prompt: scenario.prompt,
    options: impl.options,
  };
}

/** The implementations `bench/peers-streaming.ts` compares, and how each is set up. */
export interface StreamImplementation {
  id: string;
  label: string;
  /** The page under `bench/pages/peers/`. */
  page: string;
  options: Record<string, number>;
  /** How the page uses the library, for the result file and the docs. */
  setup: string;
  /** Packages whose installed versions the result file records. */
  packages: string[];
  /** Another copy of the library's `src/` the page is built from (the baseline, see below). */
  librarySrc?: string;
}

export const STREAM_IMPLEMENTATIONS: StreamImplementation[] = [
  {
    id: "ours",
    label: "<AgentChat>",
    page: "stream-ours.tsx",
    options: {},
    setup:
      "<AgentChat urlProvider codec={textCodec} maxDisplayChars={1_000_000}> (the default 20,000 would show only the answer's beginning); the library's stylesheet",
    packages: ["react", "react-dom"],
  },
  {
    id: "ai-sdk",
    label: "useChat",
    page: "stream-ai-sdk.tsx",
    options: {},
    setup:
      "useChat({ transport }) with a ChatTransport whose sendMessages returns a ReadableStream of UI message chunks (one text-delta per frame); messages.map over text parts",
    packages: ["@ai-sdk/react", "ai"],
  },
  {
    id: "ai-sdk-throttle-50",
    label: "useChat, throttle 50 ms",
    page: "stream-ai-sdk.tsx",
    options: { throttleMs: 50 },
    setup: "as useChat, plus experimental_throttle: 50",
    packages: ["@ai-sdk/react", "ai"],
  },
  {
    id: "assistant-ui",
    label: "assistant-ui",
    page: "stream-assistant-ui.tsx",
    options: {},
    setup:
      "useLocalRuntime(adapter) with a ChatModelAdapter whose async *run yields the accumulated text per frame; ThreadPrimitive Root/Viewport/Messages, MessagePrimitive.Parts, ComposerPrimitive",
    packages: ["@assistant-ui/react"],
  },
  {
    id: "react-use-websocket",
    label: "react-use-websocket",
    page: "stream-react-use-websocket.tsx",
    options: {},
    setup:
      "useWebSocket(url); an effect on lastMessage appends each chunk with setState (the README's pattern)",
    packages: ["react-use-websocket"],
  },

  {
    id: "react-use-websocket-onmessage",
    label: "react-use-websocket, onMessage",
    page: "stream-react-use-websocket.tsx",
    options: { onMessage: 1 },
    setup:
      "useWebSocket(url, { onMessage, filter: () => false }): setState per message from the onMessage option; the filter keeps lastMessage (set with flushSync) from re-rendering per message",
    packages: ["react-use-websocket"],
  },
];

/**
 * `BENCH_BASELINE=<git ref>` (e.g. `main`) adds `<AgentChat>` as it is at that ref, set up as
 * ours, so a change is measured against what it changes in the same run (ours / baseline).
 */
const baselineRef = process.env.BENCH_BASELINE;
if (baselineRef) {
  const ours = STREAM_IMPLEMENTATIONS[0]!;
  STREAM_IMPLEMENTATIONS.push({
    ...ours,
    id: "ours-baseline",
    label: `<AgentChat> at ${baselineRef}`,
    setup: `${ours.setup}; the library's src/ and stylesheet as at git ${baselineRef}`,
    librarySrc: baselineSource(baselineRef),
  });
}
