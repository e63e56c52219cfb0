/**
 * `npm start`: the agentcore-react demo. Starts the AgentCore Runtime emulator (or, with
 * AGENTCORE_RUNTIME_ARN and AWS_REGION set, uses the real service), a presign backend and the
 * demo app, prints the URL to open, and stops everything on Ctrl-C.
 */
import { awsTargetFromEnvironment } from "../examples/server/aws-target";
import { DemoStartError } from "../examples/server/errors";
import type { DemoStack } from "../examples/server/start-demo";
import { parseStartArgs, PORT_SETTINGS, USAGE } from "./demo/cli-args";

const args = parseStartArgs(process.argv.slice(2), process.env);
if (args.kind === "help") {
  console.log(USAGE);
  process.exit(0);
}
if (args.kind === "error") {
  console.error(`${args.message}\n\n${USAGE}`);
  process.exit(2);
}

let stack: DemoStack;
try {
  const aws = awsTargetFromEnvironment(process.env);
  // Loaded only now, so --help and bad flags answer at once.
  const { startDemo } = await import("../examples/server/start-demo");
  stack = await startDemo({
    appPort: args.ports.app,
    backendPort: args.ports.backend,
    emulatorPort: args.ports.emulator,
    agent: args.agent,
    forward: args.agentUrl,
    codec: args.codec ?? (aws ? "text" : undefined),
    aws,
    log: args.quiet ? undefined : (source, line) => console.log(`[${source}] ${line}`),
  });
} catch (error) {
  console.error(describeStartError(error));
  process.exit(1);
}

printBanner(stack, args.agentUrl ? `your agent at ${args.agentUrl}` : `${args.agent} agent`);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) {
    console.error(`\n${signal} again: exiting without waiting.`);
    process.exit(130);
  }
  stopping = true;
  console.log("\nStopping the demo…");
  stack.close().then(
    () => {
      console.log("Stopped.");
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`Could not stop cleanly: ${String(error)}`);
      process.exit(1);
    },
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

function printBanner(demo: DemoStack, agent: string): void {
  const lines = [""];
  if (demo.emulator) {
    lines.push(`agentcore-react demo: local AgentCore Runtime emulator, ${agent}`);
  } else {
    lines.push(`agentcore-react demo: the real AgentCore Runtime service (${demo.config.region})`);
  }
  lines.push("", `  Open ${demo.appUrl}`, "");
  if (demo.emulator) {
    lines.push(
      `  emulator         ${demo.emulator.url}  (demo credentials; control ${demo.config.emulator?.controlUrl})`,
    );
  } else {
    lines.push(`  runtime          ${demo.config.runtimeArn}`);
  }
  lines.push(
    `  presign backend  ${demo.backend.presignEndpoint}  (demo sign-in: "${demo.config.demoUser.header}: ${demo.config.demoUser.value}"; demo only)`,
    "",
    "Press Ctrl-C to stop.",
    "",
  );
  console.log(lines.join("\n"));
}

function describeStartError(error: unknown): string {
  if (error instanceof DemoStartError) {
    if (error.code === "port-in-use" && error.server) {
      const { flag, env } = PORT_SETTINGS[error.server];
      return (
        `${error.message}\n` +
        `Stop whatever uses it, or pick another port: npm start -- ${flag} <n> (or ${env}=<n>); 0 lets the system choose.`
      );
    }
    return error.message;
  }
  return `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
}
