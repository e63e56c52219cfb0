// Turns the package manifest of a repository copy into the React 18 variant: React, ReactDOM
// and their types at 18.3, and without the benchmark-only peers that require React 19.
import { readFileSync, writeFileSync } from "node:fs";

const REACT_18 = {
  react: "18.3.1",
  "react-dom": "18.3.1",
  "@types/react": "18.3.32",
  "@types/react-dom": "18.3.7",
};
/** Dev dependencies used only by the benchmarks against other libraries; they need React 19. */
const BENCHMARK_PEERS = ["@aws-amplify/ui-react-ai"];

const path = process.argv[2];
const manifest = JSON.parse(readFileSync(path, "utf8"));
Object.assign(manifest.devDependencies, REACT_18);
for (const name of BENCHMARK_PEERS) delete manifest.devDependencies[name];
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
