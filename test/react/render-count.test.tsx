import { act, render, screen } from "@testing-library/react";
import { memo, Profiler, StrictMode, useCallback } from "react";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import { useAgentRuntimeStore } from "../../src/react/use-agent-runtime-store";
import { useConversation } from "../../src/react/use-conversation";
import type { Conversation } from "../../src/store/conversation";
import { selectMessageById, selectMessageIds } from "../../src/store/selectors";
import type { ChatMessage, ConversationState } from "../../src/store/types";
import { countingProvider, fakeConnections, manualAnimationFrames } from "./harness";

afterEach(() => {
  vi.unstubAllGlobals();
});

const CHUNKS = 1_000;

describe("render cost while an answer streams", () => {
  it("commits once per animation frame, not once per chunk (1,000 chunks)", () => {
    const frames = manualAnimationFrames();
    const { created, createConnection } = fakeConnections();
    let commits = 0;
    const Row = memo(function Row({ message }: { message: ChatMessage }) {
      return <li>{message.text}</li>;
    });
    function Chat() {
      const { messages } = useAgentRuntimeSocket({
        urlProvider: countingProvider(),
        createConnection,
        streamingInterval: 0,
      });
      return (
        <ul>
          {messages.map((message) => (
            <Row key={message.id} message={message} />
          ))}
        </ul>
      );
    }
    render(
      <StrictMode>
        <Profiler id="chat" onRender={() => (commits += 1)}>
          <Chat />
        </Profiler>
      </StrictMode>,
    );
    const connection = created[0]!;
    act(() => connection.open());
    const commitsBefore = commits;
    const framesBefore = frames.elapsed;

    // Chunks arrive in uneven bursts, 1 to 40 between frames. Each chunk is its own task (its
    // own act), as each socket message is: React cannot batch them together.
    act(() => connection.emit({ type: "message-start", messageId: "answer" }));
    let sent = 0;
    let burst = 1;
    while (sent < CHUNKS) {
      const size = Math.min(burst, CHUNKS - sent);
      for (let i = 0; i < size; i += 1) {
        act(() => connection.emit({ type: "text-delta", messageId: "answer", delta: "w " }));
      }
      sent += size;
      burst = (burst * 7) % 41 || 1;
      act(() => frames.run());
    }
    act(() => connection.emit({ type: "message-end", messageId: "answer" }));

    const streamedCommits = commits - commitsBefore;
    const framesElapsed = frames.elapsed - framesBefore;
    expect(screen.getByRole("listitem").textContent).toBe("w ".repeat(CHUNKS));
    // One commit per frame that had news, plus the flush at message-end.
    expect(streamedCommits).toBeLessThanOrEqual(framesElapsed + 2);
    expect(framesElapsed).toBeLessThan(CHUNKS / 5);
    expect(streamedCommits).toBeLessThan(CHUNKS / 5);
  });

  it("re-renders only the row whose message changed when rows select by id", () => {
    const frames = manualAnimationFrames();
    const { created, createConnection } = fakeConnections();
    const rowRenders = new Map<string, number>();
    let listRenders = 0;
    let ownerRenders = 0;

    function Row({ store, id }: { store: Conversation; id: string }) {
      const message = useConversation(
        store,
        useCallback((state: ConversationState) => selectMessageById(id)(state), [id]),
      );
      rowRenders.set(id, (rowRenders.get(id) ?? 0) + 1);
      return <li>{message?.text}</li>;
    }
    function List({ store }: { store: Conversation }) {
      const ids = useConversation(store, selectMessageIds);
      listRenders += 1;
      return (
        <ul>
          {ids.map((id) => (
            <Row key={id} store={store} id={id} />
          ))}
        </ul>
      );
    }
    function Owner() {
      const store = useAgentRuntimeStore({
        urlProvider: countingProvider(),
        createConnection,
        streamingInterval: 0,
      });
      ownerRenders += 1;
      return <List store={store} />;
    }
    render(<Owner />, { wrapper: StrictMode });
    const connection = created[0]!;
    act(() => {
      connection.open();
      connection.emit(
        { type: "text-delta", messageId: "first", delta: "done" },
        { type: "message-end", messageId: "first" },
        { type: "message-start", messageId: "second" },
      );
    });
    act(() => frames.run());
    const before = {
      owner: ownerRenders,
      list: listRenders,
      first: rowRenders.get("first"),
      second: rowRenders.get("second") ?? 0,
    };

    for (let i = 0; i < 20; i += 1) {
      act(() => connection.emit({ type: "text-delta", messageId: "second", delta: "." }));
      act(() => frames.run());
    }

    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "done",
      ".".repeat(20),
    ]);
    expect(ownerRenders).toBe(before.owner);
    expect(listRenders).toBe(before.list);
    expect(rowRenders.get("first")).toBe(before.first);
    // StrictMode renders twice per update in development.
    expect(rowRenders.get("second")! - before.second).toBe(20 * 2);
  });
});
