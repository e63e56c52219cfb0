import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, theBlock, type CodeBlock } from "../docs/code-blocks";

/**
 * What README.md tells a newcomer to do, read from README.md itself with the extractor the
 * code-block test uses: the files to write, the packages to install and the commands to run.
 */

/** A file the README shows in full: a block whose first line names it (`// vite.config.ts`). */
export interface ReadmeFile {
  readonly path: string;
  readonly code: string;
}

/** The files of the newcomer path: the three-line chat, the Vite proxy, the backend. */
export function readmeFiles(): ReadmeFile[] {
  return ["src/App.tsx", "vite.config.ts", "server.ts"].map((path) => {
    const named = (block: CodeBlock) =>
      firstLine(block) === `// ${path}` || firstLine(block).startsWith(`// ${path}:`);
    return { path, code: theBlock("README.md", `the file ${path}`, named).code };
  });
}

function firstLine(block: CodeBlock): string {
  return block.code.split("\n", 1)[0] ?? "";
}

/** The shell block whose first line is `first`, as its commands (comments dropped). */
function shellBlock(first: string): string[] {
  const block = theBlock(
    "README.md",
    `the shell block "${first}"`,
    (candidate) => candidate.lang === "sh" && firstLine(candidate) === first,
  );
  return block.code
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** One `npm install` of the README: its packages, and whether they are dev dependencies. */
export interface InstallStep {
  readonly dev: boolean;
  readonly packages: readonly string[];
}

/** The `npm install` lines next to the backend. */
export function readmeInstalls(): InstallStep[] {
  const block = theBlock(
    "README.md",
    "the backend's npm install",
    (candidate) =>
      candidate.lang === "sh" && candidate.code.includes("npm install agentcore-react express"),
  );
  return block.code
    .trim()
    .split("\n")
    .map((line) => {
      const [npm, install, ...rest] = line.trim().split(/\s+/);
      if (npm !== "npm" || install !== "install") throw new Error(`Not an npm install: ${line}`);
      return { dev: rest.includes("-D"), packages: rest.filter((word) => !word.startsWith("-")) };
    });
}

/** The emulator's command line (terminal 1): its arguments after `npx agentcore-emulator`. */
export function readmeEmulatorArgs(): string[] {
  const [command = "", ...others] = shellBlock(
    "# 1. The runtime emulator, with a streaming agent, on ws://127.0.0.1:8787",
  );
  const [npx, bin, ...args] = command.split(/\s+/);
  if (npx !== "npx" || bin !== "agentcore-emulator" || others.length > 0) {
    throw new Error(`Unexpected emulator command in README.md: ${command}`);
  }
  return args;
}

/** The backend's terminal (2): the variables it exports and unsets, and its command. */
export function readmeBackend(): { set: Record<string, string>; unset: string[]; command: string } {
  const lines = shellBlock(
    "# 2. The backend, signing for the emulator with its published demo credentials",
  );
  const set: Record<string, string> = {};
  const unset: string[] = [];
  let command = "";
  for (const line of lines) {
    const exported = /^export (\w+)=(\S+)$/.exec(line);
    if (exported?.[1] && exported[2]) set[exported[1]] = exported[2];
    else if (line.startsWith("unset ")) unset.push(...line.slice(6).trim().split(/\s+/));
    else command = line;
  }
  return { set, unset, command };
}

/** The app's terminal (3). */
export function readmeDevCommand(): string {
  return shellBlock("# 3. The app (vite dev, with the proxy above)").join("\n");
}

/** The page to open first (the demo sign-in), as the README writes it. */
export function readmeFirstPage(): URL {
  const text = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const match = /Then open `(http:\/\/localhost:5173\/[^`]+)`/.exec(text);
  if (!match?.[1]) throw new Error("README.md does not say which page to open");
  return new URL(match[1]);
}
