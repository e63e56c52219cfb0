import { parseJsonObject } from "./request-body";
import { PresignRefusal } from "./refusal";

/** What a client asks an upload URL for. */
export interface UploadUrlRequestBody {
  name: string;
  type: string;
  size: number;
  expires?: number;
}

const FIELDS = new Set(["name", "type", "size", "expires"]);
/** A bare MIME type (no parameters): `type/subtype` of token characters. */
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

function invalid(message: string): PresignRefusal {
  return new PresignRefusal(400, "invalid-request", message);
}

/** Parses and checks the JSON body `{ name, type, size, expires? }`. */
export function parseUploadUrlBody(text: string): UploadUrlRequestBody {
  const body = parseJsonObject(
    text,
    FIELDS,
    "The request body may hold only name, type, size and expires",
  );
  const { name, type, size, expires } = body;
  if (typeof name !== "string" || name === "" || name.length > 1024) {
    throw invalid("name must be a string of 1-1024 characters");
  }
  if (typeof type !== "string" || !MIME_TYPE.test(type.toLowerCase())) {
    throw invalid("type must be a MIME type such as image/png");
  }
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    throw invalid("size must be a whole number of bytes");
  }
  if (expires !== undefined && typeof expires !== "number") {
    throw new PresignRefusal(400, "invalid-expires", "expires must be a number of seconds");
  }
  return { name, type: type.toLowerCase(), size, expires };
}
