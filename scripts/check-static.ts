/**
 * The static checks of `npm test`, typecheck and lint, run side by side: each is one
 * single-threaded process, so on two cores they take the time of the slower one. Each one's
 * output is printed whole when it ends; the exit code is non-zero when either failed.
 */
import { spawn } from "node:child_process";

const CHECKS = ["typecheck", "lint"];

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      const result = code === 0 ? "passed" : `failed (exit ${code ?? "signal"})`;
      process.stdout.write(`> npm run ${script}: ${result}\n${output}`);
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all(CHECKS.map(run));
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
