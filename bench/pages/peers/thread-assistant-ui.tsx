/**
 * assistant-ui in the long-thread bench: `useLocalRuntime(adapter, { initialMessages })` with the
 * thread, rendered from its primitives (the same thread as the streaming bench), typed into
 * through `ComposerPrimitive.Input`.
 */
import {
  AssistantRuntimeProvider,
  useLocalRuntime,
  type ChatModelAdapter,
  type ThreadMessageLike,
} from "@assistant-ui/react";
import { AssistantUiThread } from "./assistant-ui-thread";
import { addPeerStyles } from "./stream-harness";
import { registerThreadApp, type ThreadMessage } from "./thread-harness";

addPeerStyles();

// Never called here: the thread is only read and typed into.
const IDLE_ADAPTER: ChatModelAdapter = {
  async run() {
    return { content: [] };
  },
};

function ThreadChat({ initial }: { initial: ThreadMessageLike[] }) {
  const runtime = useLocalRuntime(IDLE_ADAPTER, { initialMessages: initial });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <AssistantUiThread />
    </AssistantRuntimeProvider>
  );
}

registerThreadApp({
  prepare: (messages: ThreadMessage[]): ThreadMessageLike[] =>
    messages.map((message, i) => ({ id: `m${i}`, role: message.role, content: message.text })),
  render: (prepared) => <ThreadChat initial={prepared as ThreadMessageLike[]} />,
});
