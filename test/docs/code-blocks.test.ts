import ts from "typescript";
import {
  documentationPages,
  FRAGMENT_MARKER,
  isFragment,
  isTypeScript,
  pageBlocks,
  type CodeBlock,
} from "./code-blocks";
import { flatten } from "./template-options";
import { projectOf, typecheckBlocks, type BlockErrors } from "./typecheck-blocks";

/**
 * Every TypeScript block of README.md and docs/*.md compiles as written in a fresh Vite
 * React-TS app (`npm create vite`), with the template's own compiler options
 * (test/fixtures/create-vite-react-ts): a block is a whole file, imports included. App code is
 * checked with `tsconfig.app.json`; a block that imports a Node-only module (`node:*`,
 * `agentcore-react/server`, the emulator, express, vite...) is a Node program, checked with
 * `tsconfig.node.json`. `agentcore-react`, its subpaths and `agentcore-react-emulator` resolve
 * to this repository's sources; other packages to its node_modules.
 *
 * A block whose info string says `fragment` (```` ```ts fragment ````) is a piece of a larger
 * program: it must parse, and is not typechecked. Use it only where a whole program would bury
 * the point (a type's declaration, a few options in a list).
 */

const blocks = documentationPages().flatMap(pageBlocks).filter(isTypeScript);
const programs = blocks.filter((block) => !isFragment(block));
const fragments = blocks.filter(isFragment);
const name = (block: CodeBlock) => `${block.file}:${block.line} (${block.lang})`;

let results = new Map<CodeBlock, BlockErrors>();
beforeAll(() => {
  const errors = typecheckBlocks(programs);
  results = new Map(programs.map((block, index) => [block, errors[index] ?? []]));
}, 180_000);

function errorsOf(block: CodeBlock): BlockErrors {
  const errors = results.get(block);
  if (!errors) throw new Error(`${name(block)} was not checked`);
  return errors;
}

describe("TypeScript in README.md and docs/*.md", () => {
  it("finds the blocks", () => {
    expect(programs.length).toBeGreaterThan(30);
    expect(new Set(blocks.map((block) => block.file))).toContain("README.md");
  });

  it.each(programs.map((block) => [name(block), block] as const))(
    "%s compiles in a fresh Vite React-TS app",
    (label, block) => {
      const errors = errorsOf(block);
      if (errors.length === 0) return;
      const report = `${label}, checked as ${projectOf(block)} code:\n  ${errors.join("\n  ")}`;
      throw new Error(report);
    },
  );

  it.each(fragments.map((block) => [name(block), block] as const))(
    `%s, marked ${FRAGMENT_MARKER}, parses`,
    (label, block) => {
      const { diagnostics = [] } = ts.transpileModule(block.code, {
        fileName: `block.${block.lang === "tsx" ? "tsx" : "ts"}`,
        reportDiagnostics: true,
        compilerOptions: { jsx: ts.JsxEmit.ReactJSX },
      });
      expect(diagnostics.map(flatten), label).toEqual([]);
    },
  );
});
