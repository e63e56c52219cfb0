export type { AgentEvent, Codec, EncodeContext, IncomingFrame } from "./types";
export { textCodec } from "./text-codec";
export { agUiCodec, toRunAgentInput, type AgUiRunAgentInput } from "./ag-ui-codec";
