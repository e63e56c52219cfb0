/**
 * The protobuf form of AG-UI events (`@ag-ui/encoder`'s `encodeProtobuf`): each event is a
 * 4-byte big-endian length followed by that many bytes of protobuf. The schema is the official
 * `@ag-ui/proto` package, an optional peer dependency loaded with `import()` the first time a
 * binary AG-UI frame arrives, so apps that never receive one never load it.
 */

/** What this codec uses of `@ag-ui/proto`. */
interface ProtoModule {
  decode(data: Uint8Array): unknown;
}

type ProtoState =
  | { status: "unloaded" }
  | { status: "loading"; ready: Promise<void> }
  | { status: "loaded"; module: ProtoModule }
  | { status: "failed"; error: unknown };

let state: ProtoState = { status: "unloaded" };
let importProto: () => Promise<ProtoModule> = () => import("@ag-ui/proto");

/** For tests: how `@ag-ui/proto` is imported; resets what was loaded. */
export function setProtoImporter(importer: () => Promise<ProtoModule>): void {
  importProto = importer;
  state = { status: "unloaded" };
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

/** Starts loading `@ag-ui/proto` (once); resolves when it loaded or failed, never rejects. */
export function loadProto(): Promise<void> | undefined {
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
}

/** Why protobuf frames cannot be read yet, or the decoder once it is loaded. */
export function protoDecoder(): ProtoModule | { unavailable: string } {
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
}
