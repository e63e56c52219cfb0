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

/** Parses and checks the JSON body: an object with only the known fields, of the right types. */
export function parseRequestBody(text: string): PresignRequestBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new PresignRefusal(400, "invalid-json", "The request body is not valid JSON");
  }
  if (!isRecord(body)) throw invalid("The request body must be a JSON object");
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key))
      throw invalid("The request body may hold only sessionId, runtime and expires");
  }
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
