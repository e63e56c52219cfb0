import { agUiCodec } from "../codecs/ag-ui-codec";
import { textCodec } from "../codecs/text-codec";
import type { Codec } from "../codecs/types";
import {
  connectionUnderTest,
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "../connection/test-utils/harness";
import { createConversationStore } from "./create-conversation-store";

let runtime: MockRuntime;
beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});
afterEach(() => stopFakeClockAndRuntime(runtime));

/** A store on a real connection and codec, against the mock runtime; `reply` answers a turn. */
async function conversation(codec: Codec<string>, reply: (turn: number) => string) {
  const { connection } = connectionUnderTest({ options: { codec } });
  const store = createConversationStore({
    connection,
    scheduler: (run) => {
      const timer = setTimeout(run, 0);
      return () => clearTimeout(timer);
    },
  });
  store.connect();
  await settle();
  let turns = 0;
  const ask = async (send: () => string | null) => {
    const id = send();
    await settle();
    turns += 1;
    runtime.latest().send(reply(turns));
    await settle();
    return id;
  };
  return { store, connection, ask };
}

describe("regenerate and edit over the real codecs", () => {
  it("text codec: sends the turn's text again, then the edited text, as new frames", async () => {
    const { store, ask, connection } = await conversation(
      textCodec,
      (turn) => `{"text":"answer ${turn}"}` + "\n",
    );
    await ask(() => store.send("hi"));
    runtime.latest().send('{"type":"done"}');
    await settle();
    const answerId = store.getState().messages[1]!.id;
    await ask(() => store.regenerate(answerId));
    runtime.latest().send('{"type":"done"}');
    await settle();
    const again = store.getState().messages[0]!;
    await ask(() => store.editAndResend(again.id, "hello"));
    expect(runtime.received.map((frame) => JSON.parse(frame))).toEqual([
      { inputText: "hi" },
      { inputText: "hi" },
      { inputText: "hello" },
    ]);
    expect(store.getState().messages[0]).toMatchObject({
      text: "hello",
      branch: { index: 2, count: 3 },
    });
    connection.close();
  });

  it("AG-UI: each run input carries only the new user message, never a hidden version", async () => {
    const events = (turn: number) =>
      JSON.stringify([
        { type: "RUN_STARTED", threadId: "t", runId: `r${turn}` },
        { type: "TEXT_MESSAGE_START", messageId: `m${turn}`, role: "assistant" },
        { type: "TEXT_MESSAGE_CONTENT", messageId: `m${turn}`, delta: `answer ${turn}` },
        { type: "TEXT_MESSAGE_END", messageId: `m${turn}` },
        { type: "RUN_FINISHED", threadId: "t", runId: `r${turn}` },
      ]);
    const { store, ask, connection } = await conversation(agUiCodec, events);
    const first = await ask(() => store.send("hi"));
    const second = await ask(() => store.regenerate("m1"));
    const third = await ask(() => store.editAndResend(second!, "hello"));
    const inputs = runtime.received.map((frame) => JSON.parse(frame));
    expect(inputs.map((input) => input.messages)).toEqual([
      [{ id: first, role: "user", content: "hi" }],
      [{ id: second, role: "user", content: "hi" }],
      [{ id: third, role: "user", content: "hello" }],
    ]);
    expect(store.getState().messages.map((message) => message.text)).toEqual(["hello", "answer 3"]);
    connection.close();
  });
});
