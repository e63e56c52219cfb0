import { render } from "@testing-library/react";
import { Profiler } from "react";
import { commands, userEvent } from "vitest/browser";
import "../../src/react/styles.css";
import { AgentChat } from "../../src/index";
import {
  createScriptedChat,
  longThread,
} from "../../src/react/components/test-utils/scripted-chat";
import { nextFrame } from "./browser-helpers";

// Measures, in Chromium, how long a keystroke in the composer takes to commit and how long a
// streamed chunk takes to commit, with 50 and with 5,000 messages in the thread. The numbers
// are recorded to test-results/chat-perf.json for review; nothing here asserts on time (the
// machine is shared and noisy). What is asserted is the work: the same number of commits.

const TYPED = "How do I presign a WebSocket URL for AgentCore?";
const CHUNKS = 40;

interface Summary {
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    samples: values.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted[sorted.length - 1]!),
  };
}

async function measure(count: number) {
  const chat = createScriptedChat({ messages: longThread(count) });
  let pendingSince: number | null = null;
  const commitLatencies: number[] = [];
  let commits = 0;
  const onRender = () => {
    commits += 1;
    if (pendingSince !== null) {
      commitLatencies.push(performance.now() - pendingSince);
      pendingSince = null;
    }
  };

  const mountStart = performance.now();
  const view = render(
    <Profiler id="chat" onRender={onRender}>
      <div style={{ width: 640, height: 600, display: "flex" }}>
        <AgentChat chat={chat} />
      </div>
    </Profiler>,
  );
  await nextFrame();
  const mountMs = performance.now() - mountStart;
  const renderedRows = document.querySelectorAll(".acr-message").length;

  // Keystrokes: from the keydown (capture, before React sees it) to the commit it causes.
  const input = document.querySelector("textarea")!;
  const onKeyDown = () => {
    pendingSince = performance.now();
  };
  input.addEventListener("keydown", onKeyDown, { capture: true });
  await userEvent.click(input);
  commitLatencies.length = 0;
  commits = 0;
  await userEvent.keyboard(TYPED);
  await nextFrame();
  input.removeEventListener("keydown", onKeyDown, { capture: true });
  const keystrokes = summarize(commitLatencies);
  const keystrokeCommits = commits;
  expect(input.value).toBe(TYPED);

  // Chunks: from the store update to the commit it causes.
  const id = chat.startAnswer();
  await nextFrame();
  commitLatencies.length = 0;
  commits = 0;
  for (let i = 0; i < CHUNKS; i++) {
    pendingSince = performance.now();
    chat.appendText(id, `word${i} `);
    await nextFrame();
  }
  const chunks = summarize(commitLatencies);
  const chunkCommits = commits;
  view.unmount();
  return {
    count,
    pageSize: 100,
    renderedRows,
    mountMs: Math.round(mountMs),
    keystrokes,
    keystrokeCommits,
    chunks,
    chunkCommits,
  };
}

// Generous guards against a hung run on a loaded machine; not timing assertions.
const TIMEOUT_MS = 120_000;

describe("long thread performance (recorded, not asserted)", () => {
  const results: Awaited<ReturnType<typeof measure>>[] = [];

  afterAll(async () => {
    const report = {
      measuredAt: new Date().toISOString(),
      userAgent: navigator.userAgent,
      note: "React development build inside vitest browser mode; keystroke = capture keydown to React commit; chunk = store update to React commit.",
      results,
    };
    await commands.writeFile("test-results/chat-perf.json", JSON.stringify(report, null, 2));
  });

  // The same work whatever the thread length: one commit per keystroke and per chunk, and at
  // most one page of rows rendered.
  it(
    "50 messages: one commit per keystroke and per chunk",
    async () => {
      const small = await measure(50);
      results.push(small);
      expect(small.renderedRows).toBe(50);
      expect(small.keystrokeCommits).toBe(TYPED.length);
      expect(small.chunkCommits).toBe(CHUNKS);
    },
    TIMEOUT_MS,
  );

  it(
    "5,000 messages: one page rendered, one commit per keystroke and per chunk",
    async () => {
      const large = await measure(5000);
      results.push(large);
      expect(large.renderedRows).toBe(100);
      expect(large.keystrokeCommits).toBe(TYPED.length);
      expect(large.chunkCommits).toBe(CHUNKS);
    },
    TIMEOUT_MS,
  );
});
