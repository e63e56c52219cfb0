/**
 * Stands in for `import ... from "agentcore-react/assistant-ui"` (and the main entry): the
 * example runs the library straight from `src/`. In your app, import from the package.
 */
export * from "../../src/assistant-ui";
export { backendUrlProvider } from "../../src/index";
