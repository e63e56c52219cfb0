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

  it("prefers flags over the environment", () => {
    const args = parseCliArgs(
      [
        "--access-key-id",
        "AKIDFLAG",
        "--secret-access-key",
        "flag-secret",
        "--port",
        "0",
        "--agent",
        "ag-ui",
        "--region",
        "eu-central-1",
        "--bearer-token",
        "a",
        "--bearer-token",
        "b",
        "--seed",
        "7",
        "--idle-timeout-ms",
        "5000",
        "--quiet",
      ],
      { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" },
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

  it.each([
    [["--port", "70000"], "--port"],
    [["--port", "abc"], "--port"],
    [["--agent", "parrot"], "--agent"],
    [["--access-key-id", "AKID"], "together"],
    [["--region", "mars"], "--region"],
    [["--nope"], "nope"],
    [["stray"], "stray"],
  ])("refuses %j with a message naming the problem", (argv, fragment) => {
    const args = parseCliArgs(argv, {});
    expect(args.kind).toBe("error");
    if (args.kind === "error") expect(args.message).toContain(fragment);
  });

  it("recognizes --help", () => {
    expect(parseCliArgs(["--help"], {})).toEqual({ kind: "help" });
  });
});
