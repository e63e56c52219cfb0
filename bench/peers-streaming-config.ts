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
