/**
 * The protobuf form of AG-UI events (`@ag-ui/encoder`'s `encodeProtobuf`): each event is a
 * 4-byte big-endian length followed by that many bytes of protobuf. The schema is the official
 * `@ag-ui/proto` package, an optional peer dependency. Only `agUiProtoCodec`
 * (`agentcore-react/ag-ui-proto`) imports it, with `import()` the first time a binary AG-UI
 * frame arrives: the main entry never refers to it, so apps bundle without it installed.
 */

/** What this codec uses of `@ag-ui/proto`. */
export interface ProtoModule {
  decode(data: Uint8Array): unknown;
}

type ProtoState =
  | { status: "unloaded" }
  | { status: "loading"; ready: Promise<void> }
  | { status: "loaded"; module: ProtoModule }
  | { status: "failed"; error: unknown };

/** Loads `@ag-ui/proto` once, for a codec that reads the protobuf form. */
export interface ProtoLoader {
  /** Starts loading (once); resolves when it loaded or failed, never rejects. */
  load(): Promise<void> | undefined;
  /** Why protobuf frames cannot be read yet, or the decoder once it is loaded. */
  decoder(): ProtoModule | { unavailable: string };
}

function toBytes(frame: ArrayBuffer | Uint8Array): Uint8Array {
  return frame instanceof Uint8Array ? frame : new Uint8Array(frame);
}

/**
 * The protobuf messages of a binary frame when it is exactly a run of length-prefixed messages,
 * else `null`. UTF-8 text (JSON or SSE) never reads as one: its first four bytes make a length
 * of at least 150 MB.
 */
export function protoMessages(frame: ArrayBuffer | Uint8Array): Uint8Array[] | null {
  const bytes = toBytes(frame);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const messages: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    if (bytes.byteLength - offset < 4) return null;
    const length = view.getUint32(offset, false);
    const end = offset + 4 + length;
    if (end > bytes.byteLength) return null;
    messages.push(bytes.subarray(offset + 4, end));
    offset = end;
  }
  return messages.length > 0 ? messages : null;
}

/** A loader that gets `@ag-ui/proto` from `importProto` the first time it is asked to. */
export function createProtoLoader(importProto: () => Promise<ProtoModule>): ProtoLoader {
  let state: ProtoState = { status: "unloaded" };
  return {
    load() {
      if (state.status === "loaded" || state.status === "failed") return undefined;
      if (state.status === "loading") return state.ready;
      const ready = importProto().then(
        (module) => {
          state = { status: "loaded", module };
        },
        (error: unknown) => {
          state = { status: "failed", error };
        },
      );
      state = { status: "loading", ready };
      return ready;
    },
    decoder() {
      switch (state.status) {
        case "loaded":
          return state.module;
        case "failed":
          return {
            unavailable:
              "A binary AG-UI frame arrived but @ag-ui/proto could not be loaded: install it to read the protobuf encoding",
          };
        default:
          return { unavailable: "A binary AG-UI frame was decoded before its decoder was loaded" };
      }
    },
  };
}
