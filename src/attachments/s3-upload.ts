import type { AttachmentReference } from "../core/attachment-reference";
import { invalidOption, isRecord, optionsObject } from "../core/option-checks";
import { fileType } from "./limits";
import type { UploadAttachment, UploadProgress } from "./types";

/** Options of {@link s3UploadAttachment}. */
export interface S3UploadAttachmentOptions {
  /** Your backend's upload-URL endpoint (`createUploadUrlHandler` of `agentcore-react/server`). */
  endpoint: string;
  /** Headers for the endpoint (e.g. `Authorization`), or a function that gives them per file. */
  headers?:
    Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** `fetch` credentials mode for the endpoint. Default `same-origin` (sends its cookies). */
  credentials?: RequestCredentials;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** What the upload-URL endpoint answers. */
interface UploadUrlAnswer {
  url: string;
  key: string;
  headers: Record<string, string>;
  objectUrl?: string;
}

function asAnswer(value: unknown): UploadUrlAnswer | null {
  if (!isRecord(value) || typeof value.url !== "string" || typeof value.key !== "string") {
    return null;
  }
  const headers: Record<string, string> = {};
  if (isRecord(value.headers)) {
    for (const [name, header] of Object.entries(value.headers)) {
      if (typeof header === "string") headers[name] = header;
    }
  }
  const answer: UploadUrlAnswer = { url: value.url, key: value.key, headers };
  if (typeof value.objectUrl === "string") answer.objectUrl = value.objectUrl;
  return answer;
}

/** The `{ error: { message } }` of a refusal, when it has one. */
function refusalMessage(body: unknown): string | undefined {
  const error = isRecord(body) ? body.error : undefined;
  return isRecord(error) && typeof error.message === "string" ? error.message : undefined;
}

async function requestUrl(
  options: S3UploadAttachmentOptions,
  file: File,
  signal: AbortSignal,
): Promise<UploadUrlAnswer> {
  const extra = typeof options.headers === "function" ? await options.headers() : options.headers;
  const response = await (options.fetch ?? fetch)(options.endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...extra },
    credentials: options.credentials ?? "same-origin",
    body: JSON.stringify({ name: file.name, type: fileType(file), size: file.size }),
    signal,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(refusalMessage(body) ?? `Upload refused (${response.status})`);
  }
  const answer = asAnswer(body);
  if (answer === null) throw new Error("The upload endpoint gave no URL");
  return answer;
}

/** PUTs the file with XMLHttpRequest, the one browser API that reports upload progress. */
function put(
  answer: UploadUrlAnswer,
  file: File,
  signal: AbortSignal,
  onProgress: (progress: UploadProgress) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", answer.url);
    for (const [name, value] of Object.entries(answer.headers))
      request.setRequestHeader(name, value);
    request.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(new Error(`The upload was refused (${request.status})`));
    request.onerror = () => reject(new Error("The upload failed: network error"));
    request.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    signal.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}

/**
 * An `uploadAttachment` that uploads to S3 through your backend: it asks `endpoint` (see
 * `createUploadUrlHandler` in `agentcore-react/server`) for a presigned PUT URL for the file's
 * name, type and size, then PUTs the file there with XMLHttpRequest, reporting progress. The
 * reference it resolves with has the object `key` (and `url` when the backend names one).
 * The bucket's CORS rules must allow `PUT` with `Content-Type` from the app's origin.
 *
 * @throws {AgentRuntimeValidationError} for options without an `endpoint` string.
 */
export function s3UploadAttachment(options: S3UploadAttachmentOptions): UploadAttachment {
  optionsObject("s3UploadAttachment", options);
  if (typeof options.endpoint !== "string" || options.endpoint === "") {
    throw invalidOption("s3UploadAttachment.endpoint", "a URL string", options.endpoint);
  }
  return async (file, { signal, onProgress }) => {
    const answer = await requestUrl(options, file, signal);
    await put(answer, file, signal, onProgress);
    const reference: AttachmentReference = {
      name: file.name,
      type: fileType(file),
      size: file.size,
      key: answer.key,
    };
    if (typeof answer.objectUrl === "string") reference.url = answer.objectUrl;
    return reference;
  };
}
