import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./code-blocks";

/**
 * The React + TypeScript template of `npm create vite` that the documentation's code must
 * compile in: its two tsconfig files are kept verbatim in test/fixtures/create-vite-react-ts/
 * (the newcomer e2e test checks them against this version of the package on the registry).
 */
export const CREATE_VITE = { name: "create-vite", version: "9.3.0", template: "react-ts" } as const;

/** Where the template's tsconfig files are kept. */
export const TEMPLATE_FIXTURE_DIR = join(REPO_ROOT, "test", "fixtures", "create-vite-react-ts");

/** The template's two TypeScript projects: the app (`src/`) and Node (`vite.config.ts`). */
export type TemplateProject = "app" | "node";

/**
 * The compiler options of one of the template's projects, as its own TypeScript (~7) applies
 * them. The files leave to TypeScript 6+'s defaults what this repository's TypeScript 5.9
 * defaults otherwise, so those are made explicit here: `strict` and
 * `noUncheckedSideEffectImports` on, `esModuleInterop` always on (it can no longer be turned
 * off), and `lib.dom` including the iterable DOM declarations (`dom.iterable`,
 * `dom.asynciterable`), which TypeScript 6 folded into it.
 */
export function templateCompilerOptions(project: TemplateProject): ts.CompilerOptions {
  const file = join(TEMPLATE_FIXTURE_DIR, `tsconfig.${project}.json`);
  const parsed = ts.parseConfigFileTextToJson(file, readFileSync(file, "utf8"));
  if (parsed.error) throw new Error(flatten(parsed.error));
  const raw = (parsed.config as { compilerOptions: Record<string, unknown> }).compilerOptions;
  const { options, errors } = ts.convertCompilerOptionsFromJson(raw, REPO_ROOT, file);
  if (errors.length > 0) throw new Error(errors.map(flatten).join("\n"));
  delete options.tsBuildInfoFile;
  const lib = options.lib ?? [];
  const withDom = lib.includes("lib.dom.d.ts")
    ? [...lib, "lib.dom.iterable.d.ts", "lib.dom.asynciterable.d.ts"]
    : lib;
  return {
    ...options,
    lib: withDom,
    strict: options.strict ?? true,
    noUncheckedSideEffectImports: options.noUncheckedSideEffectImports ?? true,
    esModuleInterop: true,
    noEmit: true,
  };
}

/** This repository's own compiler options (for resolving imports inside the library). */
export function repositoryCompilerOptions(): ts.CompilerOptions {
  const file = join(REPO_ROOT, "tsconfig.json");
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) throw new Error(flatten(read.error));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, REPO_ROOT).options;
}

/** A diagnostic's message on one line. */
export function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
}
