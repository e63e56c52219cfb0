/**
 * Stands in for `import ... from "agentcore-react/delivery"` (see `lib.ts`): the delivery
 * protocol is opted into from its own entry. In your app, import from the package instead.
 */
export * from "../../src/delivery";
