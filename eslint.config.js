import js from "@eslint/js";
import globals from "globals";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** The library's layers, bottom first. */
const LAYERS = [
  "core",
  "signing",
  "providers",
  "codecs",
  "connection",
  "store",
  "persist",
  "react",
  "adapters",
  "server",
  "agent",
  "voice",
  "voice-react",
];

/** Which layers each layer may import (besides itself). `server` stands aside. */
const LAYER_IMPORTS = {
  core: [],
  signing: ["core"],
  providers: ["core", "signing"],
  codecs: ["core"],
  connection: ["core", "providers", "codecs"],
  store: ["core", "codecs", "connection"],
  persist: ["core", "store"],
  react: ["core", "codecs", "connection", "store", "persist"],
  adapters: ["core", "codecs", "connection", "store", "persist", "react"],
  server: ["core", "signing", "providers"],
  agent: ["core"],
  voice: ["core", "codecs", "connection"],
  "voice-react": ["core", "codecs", "connection", "voice"],
};

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "packages/*/dist/**",
      "storybook-static/**",
      "coverage/**",
      "test-results/**",
      "bench/results/**",
      "node_modules/**",
      "!.storybook",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: [
      "scripts/**",
      "bench/**",
      "examples/server/**",
      "examples/backends/**",
      "packages/emulator/src/cli.ts",
    ],
    rules: { "no-console": "off" },
  },
  {
    // Files that fit in a head: small files, short functions, and no type assertions outside
    // tests except at documented platform edges (an eslint-disable comment with the reason).
    files: ["src/**/*.{ts,tsx}", "packages/emulator/src/**/*.ts"],
    rules: { "max-lines": ["error", { max: 300 }] },
  },
  {
    files: ["src/**/*.{ts,tsx}", "packages/emulator/src/**/*.ts"],
    ignores: [
      "src/**/*.test.{ts,tsx}",
      "src/**/test-utils/**",
      "packages/emulator/src/**/*.test.ts",
    ],
    rules: {
      "max-lines-per-function": ["error", { max: 60 }],
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }],
    },
  },
  {
    // The example backends are files to copy: as tidy as the library.
    files: ["examples/backends/**/*.ts"],
    rules: {
      "max-lines": ["error", { max: 300 }],
      "max-lines-per-function": ["error", { max: 60 }],
    },
  },
  {
    // The framework-free layers must not reach up into React.
    files: [
      "src/core/**",
      "src/signing/**",
      "src/providers/**",
      "src/connection/**",
      "src/codecs/**",
      "src/store/**",
      "src/persist/**",
      "src/server/**",
      "src/agent/**",
      "src/voice/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "react-dom/*"],
              message: "Keep this layer framework-free.",
            },
          ],
        },
      ],
    },
  },
  {
    // The emulator package is published on its own: it stands on Node and its dependencies,
    // never on the library (tests check the two against each other from the root).
    files: ["packages/emulator/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "react-dom/*"],
              message: "Keep the emulator framework-free.",
            },
            {
              group: ["agentcore-react", "agentcore-react/*", "../../*"],
              message: "The emulator package cannot import the library or files outside it.",
            },
          ],
        },
      ],
    },
  },
  {
    // The layer order (docs/architecture.md): each layer imports only the layers listed for it.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}", "src/**/test-utils/**"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } },
      "boundaries/elements": LAYERS.map((type) => ({
        type,
        pattern: `src/${type}/**`,
        partialMatch: false,
      })),
      "boundaries/files": [{ category: "entry", pattern: "src/*.ts" }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            ...Object.entries(LAYER_IMPORTS).map(([from, allowed]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: [from, ...allowed] } } } },
            })),
            // The entry files (src/*.ts) sit on top: they may re-export any layer.
            {
              from: { file: { categories: "entry" } },
              allow: { to: { element: { types: { anyOf: LAYERS } } } },
            },
            // Nothing inside a layer imports an entry file (they sit on top of every layer).
            { disallow: { to: { file: { categories: "entry" } } } },
          ],
        },
      ],
    },
  },
);
