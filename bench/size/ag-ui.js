// The AG-UI adapter: AgentCoreAgent with the connection under it (@ag-ui/client and rxjs are
// the app's own, excluded).
export { AgentCoreAgent } from "../../dist/ag-ui.js";
