/**
 * Stands in for `import ... from "agentcore-react"`: the demo runs the library straight from
 * `src/`, so edits show up at once. In your app, import from the package instead.
 */
export * from "../../src/index";
