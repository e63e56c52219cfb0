/**
 * Stands in for `import ... from "agentcore-react/markdown"` (see `lib.ts`): markdown is opted
 * into from its own entry. In your app, import from the package instead.
 */
export * from "../../src/markdown";
