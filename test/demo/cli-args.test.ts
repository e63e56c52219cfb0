import { describe, expect, it } from "vitest";
import { parseStartArgs } from "../../scripts/demo/cli-args";

describe("parseStartArgs", () => {
  it("defaults to the usual ports and the streaming agent", () => {
    expect(parseStartArgs([], {})).toEqual({
      kind: "run",
      ports: { app: 5173, backend: 8788, emulator: 8787 },
      agent: "streaming",
      codec: undefined,
      quiet: false,
    });
  });

  it("reads DEMO_* variables, and flags win over them", () => {
    const env = {
      DEMO_PORT: "3000",
      DEMO_BACKEND_PORT: "3001",
      DEMO_EMULATOR_PORT: "0",
      DEMO_AGENT: "echo",
    };
    expect(parseStartArgs([], env)).toMatchObject({
      ports: { app: 3000, backend: 3001, emulator: 0 },
      agent: "echo",
    });
    expect(
      parseStartArgs(["--port", "4000", "--agent", "ag-ui", "--codec", "ag-ui", "--quiet"], env),
    ).toMatchObject({
      ports: { app: 4000, backend: 3001, emulator: 0 },
      agent: "ag-ui",
      codec: "ag-ui",
      quiet: true,
    });
  });

  it("takes --agent delivery (or DEMO_AGENT=delivery), the agent container that speaks delivery", () => {
    expect(parseStartArgs(["--agent", "delivery"], {})).toMatchObject({
      kind: "run",
      agent: "delivery",
      agentUrl: undefined,
    });
    expect(parseStartArgs([], { DEMO_AGENT: "delivery" })).toMatchObject({ agent: "delivery" });
  });

  it("takes --agent voice (or DEMO_AGENT=voice), the emulator's voice agent", () => {
    expect(parseStartArgs(["--agent", "voice"], {})).toMatchObject({ kind: "run", agent: "voice" });
    expect(parseStartArgs([], { DEMO_AGENT: "voice" })).toMatchObject({ agent: "voice" });
  });

  it("takes --agent-url (or DEMO_AGENT_URL), your agent container, as its base URL", () => {
    expect(parseStartArgs(["--agent-url", "http://127.0.0.1:8080"], {})).toMatchObject({
      kind: "run",
      agentUrl: "http://127.0.0.1:8080",
    });
    expect(parseStartArgs([], { DEMO_AGENT_URL: "http://localhost:9000/" })).toMatchObject({
      agentUrl: "http://localhost:9000",
    });
    expect(parseStartArgs([], {})).toMatchObject({ kind: "run", agentUrl: undefined });
  });

  it.each([
    [
      ["--agent-url", "http://127.0.0.1:8080", "--agent", "echo"],
      "Give --agent or --agent-url, not both",
    ],
    [["--agent-url", "ws://127.0.0.1:8080"], "--agent-url must be an http:// base URL"],
    [["--agent-url", "http://127.0.0.1:8080/ws"], "--agent-url must be an http:// base URL"],
    [["--agent-url", "8080"], "--agent-url must be your agent's URL"],
  ])("refuses %j", (argv, message) => {
    expect(parseStartArgs(argv, {})).toMatchObject({
      kind: "error",
      message: expect.stringContaining(message),
    });
  });

  it("asks for help", () => {
    expect(parseStartArgs(["--help"], {})).toEqual({ kind: "help" });
    expect(parseStartArgs(["-h"], {})).toEqual({ kind: "help" });
  });

  it.each([
    [["--port", "65536"], {}, '--port must be a port number from 0 to 65535, got "65536"'],
    [
      ["--backend-port", "1e3"],
      {},
      '--backend-port must be a port number from 0 to 65535, got "1e3"',
    ],
    [
      [],
      { DEMO_EMULATOR_PORT: "http" },
      'DEMO_EMULATOR_PORT must be a port number from 0 to 65535, got "http"',
    ],
    [
      ["--agent", "gpt"],
      {},
      '--agent must be one of streaming, echo, ag-ui, voice, delivery, got "gpt"',
    ],
    [
      ["--agent", "voice", "--codec", "text"],
      {},
      "The voice agent speaks the binary PCM codec: give no --codec",
    ],
    [
      ["--agent", "delivery", "--codec", "ag-ui"],
      {},
      "The delivery agent speaks the text codec, not ag-ui",
    ],
    [[], { DEMO_CODEC: "xml" }, 'DEMO_CODEC must be one of text, ag-ui, got "xml"'],
  ])("refuses %j %j with a message naming the setting", (argv, env, message) => {
    expect(parseStartArgs(argv, env)).toEqual({ kind: "error", message });
  });

  it("refuses unknown flags and positional arguments", () => {
    expect(parseStartArgs(["--prot", "1"], {})).toMatchObject({ kind: "error" });
    expect(parseStartArgs(["serve"], {})).toMatchObject({ kind: "error" });
  });
});
