// A custom UI on the hook: the hook, the connection it drives and the default codec.
export { useAgentRuntimeSocket } from "../../dist/index.js";
