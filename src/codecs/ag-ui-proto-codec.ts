import { createAgUiCodec } from "./ag-ui-codec";
import { createProtoLoader } from "./ag-ui-proto";
import type { ChatInput } from "../core/attachment-reference";
import type { Codec } from "./types";

/**
 * `agUiCodec`, reading the protobuf binary form of `@ag-ui/encoder` too (a 4-byte big-endian
 * length, then the event; several per frame). Its decoder, the optional peer `@ag-ui/proto`,
 * is imported with `import()` the first time a binary AG-UI frame arrives (never for text), and
 * the connection holds that frame and the ones after it until the import settled, so events
 * stay in order. If it cannot be imported, each such frame becomes an `unsupported-frame` error
 * that says to install it.
 */
export const agUiProtoCodec: Codec<ChatInput> = createAgUiCodec(
  createProtoLoader(() => import("@ag-ui/proto")),
);
