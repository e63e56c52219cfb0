export { AgentRuntimeClient } from "../../dist/signing.js";
