import { agUiProtoCodec as plainAgUiProtoCodec } from "../codecs/ag-ui-proto-codec";
import type { Codec } from "../codecs/types";
import type { ChatInput } from "../core/attachment-reference";
import { withAgUiConversation } from "./ag-ui-conversation";

/** The AG-UI codec with the protobuf form (see `agUiProtoCodec`), with the store's AG-UI support. */
export const agUiProtoCodec: Codec<ChatInput> =
  /* @__PURE__ */ withAgUiConversation(plainAgUiProtoCodec);
