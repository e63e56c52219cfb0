/**
 * Stands in for `import ... from "agentcore-react/persist"` (see `lib.ts`): where conversations
 * are kept between page loads. In your app, import from the package instead.
 */
export * from "../../src/persist";
