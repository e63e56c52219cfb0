/**
 * `agentcore-react/ag-ui-proto`: the AG-UI codec that also reads the protobuf binary form,
 * through the optional peer `@ag-ui/proto` (imported with `import()` on the first binary
 * frame). Its own entry so that apps using `agUiCodec` or no AG-UI at all bundle without
 * `@ag-ui/proto` installed: the main entry never refers to it.
 *
 * @packageDocumentation
 */
export { agUiProtoCodec } from "./store/ag-ui-proto-conversation";
