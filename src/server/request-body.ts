import { isRecord } from "../core/option-checks";
import { PresignRefusal } from "./refusal";

/** What a client may send. */
export interface PresignRequestBody {
  sessionId?: string;
  runtime?: string;
  expires?: number;
}

const FIELDS = new Set(["sessionId", "runtime", "expires"]);

function invalid(message: string): PresignRefusal {
  return new PresignRefusal(400, "invalid-request", message);
}

/**
 * A request body as a JSON object holding only `fields`; 400 `invalid-json` or
 * `invalid-request` (saying `fieldsMessage`) otherwise. The handlers check the values.
 */
export function parseJsonObject(
  text: string,
  fields: ReadonlySet<string>,
  fieldsMessage: string,
): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new PresignRefusal(400, "invalid-json", "The request body is not valid JSON");
  }
  if (!isRecord(body)) throw invalid("The request body must be a JSON object");
  for (const key of Object.keys(body)) {
    if (!fields.has(key)) throw invalid(fieldsMessage);
  }
  return body;
}

/** Parses and checks the JSON body: an object with only the known fields, of the right types. */
export function parseRequestBody(text: string): PresignRequestBody {
  const body = parseJsonObject(
    text,
    FIELDS,
    "The request body may hold only sessionId, runtime and expires",
  );
  const { sessionId, runtime, expires } = body;
  if (sessionId !== undefined && typeof sessionId !== "string")
    throw invalid("sessionId must be a string");
  if (runtime !== undefined && typeof runtime !== "string")
    throw invalid("runtime must be a string");
  if (expires !== undefined && typeof expires !== "number") {
    throw new PresignRefusal(400, "invalid-expires", "expires must be a number of seconds");
  }
  return { sessionId, runtime, expires };
}
