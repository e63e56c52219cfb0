/**
 * `agentcore-emulator`: runs the AgentCore Runtime emulator from the command line. Prints the
 * URL to connect to, logs upgrade attempts, stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
 */
import { USAGE, parseCliArgs, type CliArgs } from "./cli-args";
import { CONTROL_PREFIX } from "./control-api";
import { DEMO_CREDENTIALS } from "./credentials";
import type { Emulator } from "./emulator-handle";
import { EmulatorStartError } from "./listen";
import { startEmulator } from "./start-emulator";

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2), process.env);
  if (args.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  if (args.kind === "error") {
    console.error(`agentcore-emulator: ${args.message}\n\n${USAGE}`);
    return 2;
  }
  let emulator: Emulator;
  try {
    emulator = await startEmulator({
      ...args.options,
      log: args.quiet ? undefined : (line) => console.log(line),
    });
  } catch (error) {
    if (!(error instanceof EmulatorStartError)) throw error;
    const hint = error.code === "EADDRINUSE" ? " (use --port)" : "";
    console.error(`agentcore-emulator: ${error.message}${hint}`);
    return 1;
  }
  printBanner(emulator, args);
  return runUntilStopped(emulator);
}

/** Says where the emulator listens, which agent answers and which credentials it accepts. */
function printBanner(emulator: Emulator, args: Extract<CliArgs, { kind: "run" }>): void {
  console.log(`AgentCore Runtime emulator listening on ${emulator.url}`);
  const agent = args.forward ? `forwarded to your agent at ${args.forward}` : `agent ${args.agent}`;
  console.log(
    `  streams:  ${emulator.url}/runtimes/{url-encoded runtime ARN}/ws  (region ${emulator.region}, ${agent})`,
  );
  console.log(
    `  control:  ${emulator.httpUrl}${CONTROL_PREFIX}/health  (faults: POST ${CONTROL_PREFIX}/faults)`,
  );
  if (args.credentialsSource === "demo") {
    console.log(
      `  credentials: no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY set, so accepting the published demo credentials ` +
        `(access key ${DEMO_CREDENTIALS.accessKeyId}; the pair is DEMO_CREDENTIALS in agentcore-react-emulator)`,
    );
  } else {
    const from = args.credentialsSource === "environment" ? "AWS_ACCESS_KEY_ID" : "--access-key-id";
    console.log(`  credentials: accepting access key ${args.accessKeyId} (from ${from})`);
  }
  console.log("Press Ctrl-C to stop.");
}

/**
 * Resolves with the exit code once Ctrl-C (SIGINT) or SIGTERM has stopped the emulator; a
 * second signal exits at once.
 */
function runUntilStopped(emulator: Emulator): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const done = (code: number) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(code);
    };
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        console.error(`agentcore-emulator: ${signal} again, exiting now`);
        process.exit(130);
      }
      stopping = true;
      console.log(`\nStopping (${signal})...`);
      emulator.close().then(
        () => {
          console.log("Emulator stopped.");
          done(0);
        },
        (error: unknown) => {
          console.error(
            `agentcore-emulator: ${error instanceof Error ? error.message : String(error)}`,
          );
          done(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
