/**
 * `npm run vectors -- FILE...`: runs golden vectors through the public signing API.
 * Prints one line per entry and `N passed, N failed`; exits non-zero on any failure.
 */
import { readFileSync } from "node:fs";
import { parseOrderedJson } from "../test/vectors/ordered-json";
import { runVectorFile } from "../test/vectors/vector-runner";
import type { VectorFile } from "../test/vectors/vector-format";

const DEFAULT_FILE = "test/fixtures/agentcore-python-sdk.json";

async function main(files: string[]): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const path of files.length ? files : [DEFAULT_FILE]) {
    let file: VectorFile;
    try {
      file = parseOrderedJson(readFileSync(path, "utf8")) as VectorFile;
    } catch (error) {
      console.log(`FAIL ${path}: cannot read vector file (${(error as Error).message})`);
      failed++;
      continue;
    }
    if (!Array.isArray(file.vectors) && !Array.isArray(file.errors)) {
      console.log(`FAIL ${path}: no "vectors" or "errors" array`);
      failed++;
      continue;
    }
    for (const outcome of await runVectorFile(file)) {
      if (outcome.passed) {
        passed++;
        console.log(`PASS ${outcome.kind} ${outcome.name}: ${outcome.detail}`);
      } else {
        failed++;
        console.log(`FAIL ${outcome.kind} ${outcome.name}: ${outcome.detail}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
