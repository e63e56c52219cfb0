/**
 * The README's table of what each drop-in chat adds to an app's build, from
 * `bench/results/size-app.json` (`npm run bench:size:app`).
 */
import { ratioText } from "./doc-tables";
import type { PeerResult } from "./doc-tables";

export interface SizeAppResult {
  machine: PeerResult["machine"];
  versions: Record<string, string>;
  apps: Array<{
    name: string;
    setup: string;
    initialJs: number;
    initialCss: number;
    lazy: number;
    addedInitial: number;
  }>;
}

const LABELS: Record<string, string> = {
  ours: "`<AgentChat>`",
  "ours-markdown": "`<AgentChat markdown>`",
  amplify: "Amplify UI `AIConversation`, docs setup",
  "amplify-component": "Amplify UI `AIConversation` alone",
  "assistant-ui-primitives": "assistant-ui, primitives (floor)",
  "ai-sdk-use-chat": "AI SDK `useChat` (floor)",
};

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** The app whose name is given, or an error naming the result file's gap. */
function app(result: SizeAppResult, name: string) {
  const found = result.apps.find((entry) => entry.name === name);
  if (!found) throw new Error(`size-app.json has no "${name}" app`);
  return found;
}

/** One row per chat: added on first load, its JS and CSS parts, what loads later, ours / it. */
export function sizeAppTable(result: SizeAppResult): string {
  const baseline = app(result, "react");
  const ours = app(result, "ours");
  const rows = Object.entries(LABELS).map(([name, label]) => {
    const entry = app(result, name);
    const ratio = name.startsWith("ours") ? "" : ratioText(ours.addedInitial / entry.addedInitial);
    return `| ${label} | ${kB(entry.addedInitial)} | ${kB(entry.initialJs - baseline.initialJs)} | ${kB(entry.initialCss)} | ${kB(entry.lazy)} | ${ratio} | ${entry.setup} |`;
  });
  const versions = Object.entries(result.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");
  return [
    `Added to a Vite app's first load, kB gzip (each file as served; React's own ${kB(baseline.initialJs)} kB subtracted). ${result.machine.date.slice(0, 10)}; ${versions}.`,
    "",
    "| chat | adds | JS | CSS | later (`import()`) | `<AgentChat>` / it | set up as |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
