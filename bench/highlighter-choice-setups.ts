/**
 * The candidate highlighters of `bench/highlighter-choice.ts`, each as the smallest setup a
 * browser chat would ship: its core plus the same twelve common languages (JavaScript,
 * TypeScript, JSX, TSX, Python, Bash, JSON, HTML, CSS, SQL, YAML, diff), where it has them.
 * Each setup is a module source that exports `highlight(code, lang)` (what is timed) and
 * `flatten(result)`, the result as `[text, kind | null]` pairs (what the quality figures read).
 */

/** The packages, pinned: the setups are built from exactly these versions. */
export const CANDIDATE_PACKAGES: Record<string, string> = {
  "@shikijs/core": "4.6.0",
  "@shikijs/engine-javascript": "4.6.0",
  "@shikijs/langs": "4.6.0",
  "@shikijs/themes": "4.6.0",
  refractor: "5.0.0",
  prismjs: "1.30.0",
  lowlight: "3.3.0",
  "highlight.js": "11.11.1",
  "@speed-highlight/core": "2.1.0",
  "sugar-high": "2.4.1",
};

export interface CandidateSetup {
  name: string;
  /** What the setup holds. */
  setup: string;
  /** The language name the setup knows TypeScript by. */
  typescript: string;
  /** Every language name it has, for the hostile inputs. */
  languages: string[];
  /** Extra modules the setup needs beside its entry (file name → source). */
  files?: Record<string, string>;
  source: string;
}

/** Flattens a hast tree into `[text, kind]`, kind being the classes of the nearest element. */
const FLATTEN_HAST = `
export function flatten(tree) {
  const out = [];
  const walk = (node, kind) => {
    if (node.type === "text") out.push([node.value, kind]);
    const classes = node.properties?.className;
    const own = Array.isArray(classes) ? classes.join(" ") : kind;
    for (const child of node.children ?? []) walk(child, own || kind);
  };
  walk(tree, null);
  return out;
}`;

const COMMON = ["javascript", "typescript", "python"];
const SHIKI_LANGUAGES = [
  ...COMMON,
  "jsx",
  "tsx",
  "bash",
  "json",
  "html",
  "css",
  "sql",
  "yaml",
  "diff",
];
const PRISM_LANGUAGES = [
  ...COMMON,
  "jsx",
  "tsx",
  "bash",
  "json",
  "markup",
  "css",
  "sql",
  "yaml",
  "diff",
];
const HLJS_LANGUAGES = [...COMMON, "bash", "json", "xml", "css", "sql", "yaml", "diff"];
const SUGAR_LANGUAGES = [...COMMON, "shell", "json", "html", "css", "sql", "yaml", "diff"];
const SPEED_LANGUAGES = [
  "js",
  "ts",
  "py",
  "bash",
  "json",
  "html",
  "css",
  "sql",
  "yaml",
  "diff",
].concat(["jsdoc", "todo", "regex", "uri", "xml"]);

const shiki: CandidateSetup = {
  name: "shiki (fine-grained: @shikijs/core + JS regex engine)",
  setup:
    "createHighlighterCoreSync, createJavaScriptRegexEngine, 12 TextMate grammars, the CSS-variables theme",
  typescript: "typescript",
  languages: SHIKI_LANGUAGES,
  source: `
import { createHighlighterCoreSync, createCssVariablesTheme } from "@shikijs/core";
import { createJavaScriptRegexEngine } from "@shikijs/engine-javascript";
${SHIKI_LANGUAGES.map((lang) => `import ${lang} from "@shikijs/langs/${lang}";`).join("\n")}
const highlighter = createHighlighterCoreSync({
  themes: [createCssVariablesTheme({ name: "vars", variablePrefix: "--t-" })],
  langs: [${SHIKI_LANGUAGES.join(", ")}],
  engine: createJavaScriptRegexEngine(),
});
export const highlight = (code, lang) => highlighter.codeToTokensBase(code, { lang, theme: "vars" });
export const flatten = (lines) =>
  lines.flatMap((line) => [
    ...line.map((t) => [t.content, t.color === "var(--t-foreground)" ? null : t.color]),
    ["\\n", null],
  ]);`,
};

const refractor: CandidateSetup = {
  name: "refractor (Prism grammars, hast output)",
  setup: "refractor/core, 12 Prism grammars",
  typescript: "typescript",
  languages: PRISM_LANGUAGES,
  source: `
import { refractor } from "refractor/core";
${PRISM_LANGUAGES.map((lang) => `import ${lang} from "refractor/${lang}";`).join("\n")}
for (const lang of [${PRISM_LANGUAGES.join(", ")}]) refractor.register(lang);
export const highlight = (code, lang) => refractor.highlight(code, lang);
${FLATTEN_HAST}`,
};

const prism: CandidateSetup = {
  name: "prismjs (components, token stream)",
  setup:
    "prism-core with a global Prism for its components, 12 grammars (clike, markup-templating where needed)",
  typescript: "typescript",
  languages: PRISM_LANGUAGES,
  files: {
    "prism-global.mjs": `import Prism from "prismjs/components/prism-core.js";
Prism.manual = true;
globalThis.Prism = Prism;
export default Prism;`,
  },
  source: `
import Prism from "./prism-global.mjs";
${[
  "clike",
  "markup",
  "javascript",
  "typescript",
  "jsx",
  "tsx",
  "python",
  "bash",
  "json",
  "css",
  "sql",
  "yaml",
  "diff",
]
  .map((lang) => `import "prismjs/components/prism-${lang}.js";`)
  .join("\n")}
export const highlight = (code, lang) => Prism.tokenize(code, Prism.languages[lang]);
export function flatten(stream) {
  const out = [];
  const walk = (item, kind) => {
    if (typeof item === "string") out.push([item, kind]);
    else if (Array.isArray(item)) item.forEach((child) => walk(child, kind));
    else walk(item.content, item.type);
  };
  walk(stream, null);
  return out;
}`,
};

const lowlight: CandidateSetup = {
  name: "lowlight (highlight.js core, hast output)",
  setup: "createLowlight, 10 highlight.js grammars (javascript and typescript cover JSX/TSX)",
  typescript: "typescript",
  languages: HLJS_LANGUAGES,
  source: `
import { createLowlight } from "lowlight";
${HLJS_LANGUAGES.map((lang) => `import ${lang} from "highlight.js/lib/languages/${lang}";`).join(
  "\n",
)}
const lowlight = createLowlight({ ${HLJS_LANGUAGES.join(", ")} });
export const highlight = (code, lang) => lowlight.highlight(lang, code);
${FLATTEN_HAST}`,
};

const speedHighlight: CandidateSetup = {
  name: "@speed-highlight/core (tokenizeWith)",
  setup:
    "tokenizeWith, 10 of its grammars plus the ones they embed (jsdoc, todo, regex, uri, xml); js and ts cover JSX/TSX without JSX tokens",
  typescript: "ts",
  languages: SPEED_LANGUAGES.slice(0, 10),
  source: `
import { tokenizeWith } from "@speed-highlight/core/tokenize";
${SPEED_LANGUAGES.map((lang) => `import ${lang} from "@speed-highlight/core/languages/${lang}.js";`).join("\n")}
const languages = { ${SPEED_LANGUAGES.join(", ")} };
export function highlight(code, lang) {
  const out = [];
  tokenizeWith(code, lang, (text, kind) => out.push([text, kind ?? null]), { languages });
  return out;
}
export const flatten = (pairs) => pairs;`,
};

const sugarHigh: CandidateSetup = {
  name: "sugar-high (hand-written lexer)",
  setup:
    "parse from sugar-high/core, 10 language configs (javascript and typescript cover JSX/TSX)",
  typescript: "typescript",
  languages: SUGAR_LANGUAGES,
  source: `
import { parse } from "sugar-high/core";
${SUGAR_LANGUAGES.map((lang) => `import * as ${lang} from "sugar-high/lang/${lang}";`).join("\n")}
const configs = { ${SUGAR_LANGUAGES.join(", ")} };
export const highlight = (code, lang) => parse(code, configs[lang]);
const PLAIN = new Set(["identifier", "space", "break"]);
export const flatten = (parsed) =>
  parsed.lines.flatMap((line) => [
    ...line.tokens.map((t) => [t.value, PLAIN.has(t.type) ? null : t.type]),
    ["\\n", null],
  ]);`,
};

/** What the chat ships: sugar-high with every language it has, found by name or alias. */
const sugarHighAll: CandidateSetup = {
  name: "sugar-high, all 29 languages (what the chat ships)",
  setup: "parse from sugar-high/core, languages and aliases from sugar-high/lang",
  typescript: "typescript",
  languages: SUGAR_LANGUAGES,
  source: `
import { parse } from "sugar-high/core";
import { lang, languages } from "sugar-high/lang";
const configs = new Map(languages.map((l) => [l.id, l.config]));
export const highlight = (code, name) => parse(code, configs.get(lang(name)));
${sugarHigh.source.slice(sugarHigh.source.indexOf("const PLAIN"))}`,
};

export const CANDIDATES: CandidateSetup[] = [
  shiki,
  refractor,
  prism,
  lowlight,
  speedHighlight,
  sugarHigh,
  sugarHighAll,
];
