import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
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
    files: ["scripts/**", "bench/**", "examples/server/**", "src/emulator/cli.ts"],
    rules: { "no-console": "off" },
  },
  {
    // The framework-free layers must not reach up into React.
    files: [
      "src/signing/**",
      "src/providers/**",
      "src/connection/**",
      "src/codecs/**",
      "src/store/**",
      "src/server/**",
      "src/emulator/**",
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
            {
              group: ["**/react/**", "../react", "../react/*"],
              message: "Imports point down only.",
            },
          ],
        },
      ],
    },
  },
);
