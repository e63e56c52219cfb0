/**
 * Stands in for `import ... from "agentcore-react/voice"` (see `lib.ts`): voice is opted into
 * from its own entry. In your app, import from the package instead.
 */
export * from "../../src/voice";
