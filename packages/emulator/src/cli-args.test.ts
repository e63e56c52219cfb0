import { CLI_DEFAULT_PORT, parseCliArgs } from "./cli-args";
import { DEMO_CREDENTIALS } from "./credentials";

describe("parseCliArgs", () => {
  it("defaults to port 8787 on loopback, us-west-2, the echo agent and the demo credentials", () => {
    const args = parseCliArgs([], {});
    expect(args).toMatchObject({
      kind: "run",
      agent: "echo",
      credentialsSource: "demo",
      accessKeyId: DEMO_CREDENTIALS.accessKeyId,
      options: {
        port: CLI_DEFAULT_PORT,
        host: "127.0.0.1",
        region: "us-west-2",
        credentials: DEMO_CREDENTIALS,
      },
    });
  });

  it("takes credentials from the environment, with the session token", () => {
    const args = parseCliArgs([], {
      AWS_ACCESS_KEY_ID: "AKIDENV",
      AWS_SECRET_ACCESS_KEY: "env-secret",
      AWS_SESSION_TOKEN: "env-token",
    });
    expect(args).toMatchObject({
      kind: "run",
      credentialsSource: "environment",
      options: {
        credentials: {
          accessKeyId: "AKIDENV",
          secretAccessKey: "env-secret",
          sessionToken: "env-token",
        },
      },
    });
  });

  it("prefers flags and secret files over the environment", () => {
    const files: Record<string, string> = {
      "/run/secret": "flag-secret\n",
      "/run/tokens": "a\nb\n",
    };
    const args = parseCliArgs(
      [
        "--access-key-id",
        "AKIDFLAG",
        "--secret-access-key-file",
        "/run/secret",
        "--port",
        "0",
        "--agent",
        "ag-ui",
        "--region",
        "eu-central-1",
        "--bearer-token-file",
        "/run/tokens",
        "--seed",
        "7",
        "--idle-timeout-ms",
        "5000",
        "--quiet",
      ],
      { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" },
      (path) => files[path] ?? "",
    );
    expect(args).toMatchObject({
      kind: "run",
      agent: "ag-ui",
      quiet: true,
      credentialsSource: "flags",
      options: {
        port: 0,
        region: "eu-central-1",
        credentials: { accessKeyId: "AKIDFLAG", secretAccessKey: "flag-secret" },
        bearerTokens: ["a", "b"],
        faults: { seed: 7 },
        limits: { idleTimeoutMs: 5000 },
      },
    });
  });

  it("takes --voice-speech espeak: the voice agent that speaks its answers", () => {
    const args = parseCliArgs(["--agent", "voice", "--voice-speech", "espeak"], {});
    expect(args).toMatchObject({ kind: "run", agent: "voice" });
    expect(args.kind === "run" && typeof args.options.agent).toBe("function");
    const plain = parseCliArgs(["--agent", "voice"], {});
    expect(plain.kind === "run" && plain.options.agent).toBe("voice");
  });

  it.each([
    [["--port", "70000"], "--port"],
    [["--port", "abc"], "--port"],
    [["--agent", "parrot"], "--agent"],
    [["--voice-speech", "espeak"], "--voice-speech"],
    [["--agent", "voice", "--voice-speech", "loud"], "--voice-speech"],
    [["--access-key-id", "AKID"], "together"],
    [["--region", "mars"], "--region"],
    [["--nope"], "nope"],
    [["stray"], "stray"],
  ])("refuses %j with a message naming the problem", (argv, fragment) => {
    const args = parseCliArgs(argv, {});
    expect(args.kind).toBe("error");
    if (args.kind === "error") expect(args.message).toContain(fragment);
  });

  it.each(["--secret-access-key", "--session-token", "--bearer-token"])(
    "refuses a secret given as an argument (%s): every user can read it with ps",
    (flag) => {
      const args = parseCliArgs([flag, "s3cr3t"], {});
      expect(args.kind).toBe("error");
      if (args.kind === "error") {
        expect(args.message).toContain("visible to every user");
        expect(args.message).not.toContain("s3cr3t");
      }
    },
  );

  it("takes bearer tokens from the environment and the secret of a flagged key id from it too", () => {
    const args = parseCliArgs(["--access-key-id", "AKIDFLAG"], {
      AWS_SECRET_ACCESS_KEY: "env-secret",
      AGENTCORE_EMULATOR_BEARER_TOKENS: "t1, t2",
    });
    expect(args).toMatchObject({
      kind: "run",
      options: {
        credentials: { accessKeyId: "AKIDFLAG", secretAccessKey: "env-secret" },
        bearerTokens: ["t1", "t2"],
      },
    });
  });

  it("names a secret file it cannot read, or that is empty", () => {
    const missing = parseCliArgs(["--session-token-file", "/nope"], {}, () => {
      throw Object.assign(new Error("no"), { code: "ENOENT" });
    });
    expect(missing).toEqual({
      kind: "error",
      message: '--session-token-file "/nope" cannot be read (ENOENT)',
    });
    const empty = parseCliArgs(["--bearer-token-file", "/empty"], {}, () => " \n");
    expect(empty).toEqual({ kind: "error", message: '--bearer-token-file "/empty" is empty' });
  });

  it("recognizes --help", () => {
    expect(parseCliArgs(["--help"], {})).toEqual({ kind: "help" });
  });

  it("takes --forward, your agent container, instead of a built-in agent", () => {
    expect(parseCliArgs(["--forward", "http://127.0.0.1:8080"], {})).toMatchObject({
      kind: "run",
      forward: "http://127.0.0.1:8080",
      options: { forward: "http://127.0.0.1:8080" },
    });
    const args = parseCliArgs(["--forward", "http://127.0.0.1:8080"], {});
    expect(args.kind === "run" && "agent" in args.options).toBe(false);
    expect(parseCliArgs([], {})).toMatchObject({ kind: "run", forward: undefined });
  });

  it("refuses --forward with --agent, and a --forward that is not an http base URL", () => {
    expect(parseCliArgs(["--forward", "http://127.0.0.1:8080", "--agent", "echo"], {})).toEqual({
      kind: "error",
      message: "Give --agent or --forward, not both",
    });
    expect(parseCliArgs(["--forward", "ws://127.0.0.1:8080"], {})).toMatchObject({
      kind: "error",
      message: expect.stringContaining("--forward must be an http:// or https:// URL"),
    });
    expect(parseCliArgs(["--forward", "http://127.0.0.1:8080/ws"], {})).toMatchObject({
      kind: "error",
      message: expect.stringContaining("base URL"),
    });
  });
});
