import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { REPO_ROOT, type CodeBlock } from "./code-blocks";
import {
  flatten,
  repositoryCompilerOptions,
  templateCompilerOptions,
  type TemplateProject,
} from "./template-options";

/**
 * Imports that make a block a Node program, checked with the template's Node settings
 * (`tsconfig.node.json`: `types: ["node"]`, no DOM, `module: nodenext`); every other block is
 * app code, checked with `tsconfig.app.json` (DOM, `vite/client`, `moduleResolution: bundler`).
 */
const NODE_IMPORTS = [
  /^node:/,
  /^agentcore-react\/(server|agent)$/,
  /^agentcore-react-emulator$/,
  /^@aws-sdk\/credential-providers$/,
  /^(express|hono|ws|redis|vite)$/,
  /^(@hono|@vitejs)\//,
];

/** What one block's check found: `file:line:column message` lines, empty when it compiles. */
export type BlockErrors = readonly string[];

/** The project (app or Node) a block belongs to, by what it imports. */
export function projectOf(block: CodeBlock): TemplateProject {
  const imports = [
    ...block.code.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s+["']([^"']+)["']/g),
  ];
  const specifiers = imports.map((match) => match[1] ?? match[2] ?? "");
  return specifiers.some((specifier) => NODE_IMPORTS.some((pattern) => pattern.test(specifier)))
    ? "node"
    : "app";
}

/**
 * The library's public names, resolved to the repository's entry files: every export of this
 * repository's packages that has an `agentcore-react-source` condition.
 */
function libraryEntries(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const dir of [REPO_ROOT, join(REPO_ROOT, "packages", "emulator")]) {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      exports: Record<string, string | Record<string, string>>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const source = typeof target === "object" ? target["agentcore-react-source"] : undefined;
      if (source) entries.set(`${manifest.name}${subpath.slice(1)}`, join(dir, source));
    }
  }
  return entries;
}

/** The virtual file a block is checked as (in the repository, so its node_modules resolve). */
function virtualPath(block: CodeBlock): string {
  const name = block.file.replace(/[\\/]/g, "__").replace(/\.md$/, "");
  const extension = block.lang === "tsx" ? "tsx" : "ts";
  return join(REPO_ROOT, ".code-blocks", `${name}.L${block.line}.${extension}`);
}

/**
 * Typechecks `blocks` (whole programs, not fragments), each as its own module of a fresh Vite
 * React-TS app, with the template's compiler options; `agentcore-react`, its subpaths and
 * `agentcore-react-emulator` resolve to this repository's sources. Returns each block's errors,
 * located in the Markdown page (`README.md:95:7`), in the order given.
 */
export function typecheckBlocks(blocks: readonly CodeBlock[]): BlockErrors[] {
  const byPath = new Map(blocks.map((block) => [virtualPath(block), block]));
  const errors = new Map<CodeBlock, string[]>(blocks.map((block) => [block, []]));
  for (const project of ["app", "node"] as const) {
    const mine = blocks.filter((block) => projectOf(block) === project);
    if (mine.length === 0) continue;
    const program = createProgram(project, new Map(mine.map((b) => [virtualPath(b), b.code])));
    const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    for (const block of mine) {
      const file = program.getSourceFile(virtualPath(block));
      const found = file
        ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
        : [];
      errors.get(block)?.push(...[...global, ...found].map((d) => locate(d, byPath)));
    }
  }
  return blocks.map((block) => errors.get(block) ?? []);
}

/** A diagnostic as `page:line:column message`, or `(project) message` when it has no file. */
function locate(diagnostic: ts.Diagnostic, byPath: Map<string, CodeBlock>): string {
  const code = `TS${diagnostic.code} ${flatten(diagnostic)}`;
  const block = diagnostic.file && byPath.get(diagnostic.file.fileName);
  if (!diagnostic.file || !block || diagnostic.start === undefined) return `(project) ${code}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${block.file}:${block.line + line}:${character + 1} ${code}`;
}

function createProgram(project: TemplateProject, files: Map<string, string>): ts.Program {
  const options = templateCompilerOptions(project);
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.getCurrentDirectory = () => REPO_ROOT;
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.readFile = (path) => files.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, onError, create) => {
    const text = files.get(path);
    if (text === undefined) return getSourceFile.call(host, path, language, onError, create);
    return ts.createSourceFile(path, text, language, true);
  };
  host.resolveModuleNameLiterals = resolver(options, host);
  return ts.createProgram({ rootNames: [...files.keys()], options, host });
}

/**
 * Resolves the library's names to its sources; imports inside the library's own files as this
 * repository resolves them (they are written for its bundler settings, not the app's); every
 * other import as the template resolves it, from this repository's node_modules.
 */
function resolver(
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): NonNullable<ts.CompilerHost["resolveModuleNameLiterals"]> {
  const entries = libraryEntries();
  const repository = repositoryCompilerOptions();
  const inLibrary = (path: string) =>
    path.startsWith(join(REPO_ROOT, "src")) ||
    path.startsWith(join(REPO_ROOT, "packages", "emulator", "src"));
  return (literals, containingFile, redirected, _options, containingSourceFile) =>
    literals.map((literal) => {
      const entry = entries.get(literal.text);
      if (entry) {
        return {
          resolvedModule: { resolvedFileName: entry, extension: ts.Extension.Ts },
        } as ts.ResolvedModuleWithFailedLookupLocations;
      }
      const settings = inLibrary(containingFile) ? repository : options;
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, settings);
      return ts.resolveModuleName(
        literal.text,
        containingFile,
        settings,
        host,
        undefined,
        redirected,
        mode,
      );
    });
}
