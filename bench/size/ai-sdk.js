// What an app imports for the AI SDK's useChat over AgentCore: the transport, which makes the
// connection (with the text codec). The adapter's own cost is this minus "connection + text codec".
export { agentCoreTransport } from "../../dist/ai-sdk.js";
