// agentcore-react/assistant-ui's light path: the model adapter for useLocalRuntime, which makes
// the connection (with the text codec). Its own cost is this minus "connection + text codec".
export { agentCoreModelAdapter } from "../../dist/assistant-ui.js";
