import { isAccepted } from "../attachments/limits";
import { formatBytes } from "../core/format-bytes";
import { redactedError } from "../core/redact";
import { resolveCredentials } from "../signing/credentials";
import { describeFailure } from "./failure";
import { readBodyText } from "./read-body";
import { PresignRefusal, type UploadUrlErrorCode } from "./refusal";
import type { RequestState } from "./request-state";
import { errorResponse, jsonResponse } from "./responses";
import { admit, webHandler } from "./web-handler";
import { presignS3Put } from "./s3-presign";
import { parseUploadUrlBody, type UploadUrlRequestBody } from "./upload-url-body";
import { createUploadUrlConfig, type UploadUrlConfig } from "./upload-url-config";
import { uploadKey } from "./upload-key";
import type { UploadUrlHandlerOptions } from "./upload-url-options";

/** A Web-standard request handler, like the presign handler. */
export type UploadUrlHandler = (request: Request) => Promise<Response>;

/**
 * Creates the backend endpoint that gives a signed-in user a presigned S3 `PUT` URL for one
 * file (the counterpart of `s3UploadAttachment`). It accepts only `POST` with a small JSON
 * body `{ name, type, size, expires? }` and answers `{ url, method: "PUT", headers, key,
 * expiresAt, objectUrl? }` with `Cache-Control: no-store`, or `{ error: { code, message } }`
 * with a 4xx status (`type-not-allowed`, `file-too-large`, `unauthorized`, …) or 500/503.
 *
 * The URL signs the file's `Content-Type` and `Content-Length`, so S3 refuses an upload of
 * another type or size, and lives at most `expires` seconds (capped at 3600). Keys are
 * `<keyPrefix><principal>/<uuid>/<safe file name>`, so one user's URL never writes where
 * another's does. Credentials never leave the server, and the log never holds URLs.
 *
 * @throws {AgentRuntimeValidationError} for unusable options, e.g. no `authorize` without
 *   `allowAnonymous: true`, a bad bucket, region, endpoint, `accept`, `maxBytes`, `expires`,
 *   `keyPrefix` or rate limit.
 */
export function createUploadUrlHandler(options: UploadUrlHandlerOptions): UploadUrlHandler {
  const config = createUploadUrlConfig(options);
  return webHandler(
    config,
    (request, state) => mint(config, request, state),
    (state, error) => failureResponse(config, state, error),
  );
}

async function mint(config: UploadUrlConfig, request: Request, state: RequestState) {
  const principal = await admit(config, request, state, "Sign in to upload files");

  const body = parseUploadUrlBody(
    await readBodyText(request, config.maxBodyBytes, config.bodyTimeoutMs),
  );
  checkFile(config, body);
  const expires = requestedExpires(body.expires, config.expires);
  const key = uploadKey(config.keyPrefix, principal, config.randomUUID(), body.name);
  const signedAt = config.now();
  const url = await presignS3Put({
    credentials: await resolveCredentials(config.credentials),
    region: config.region,
    bucket: config.bucket,
    endpoint: config.endpoint,
    key,
    contentType: body.type,
    contentLength: body.size,
    expiresIn: expires,
    signingDate: new Date(signedAt),
  });
  const expiresAt = signedAt + expires * 1000;
  config.log({
    type: "minted",
    principal,
    key,
    contentType: body.type,
    size: body.size,
    expiresAt,
  });
  const objectUrl = config.objectUrl?.(key);
  return jsonResponse(
    200,
    {
      url,
      method: "PUT",
      headers: { "Content-Type": body.type },
      key,
      expiresAt,
      ...(typeof objectUrl === "string" ? { objectUrl } : {}),
    },
    { ...state.corsHeaders, Date: new Date(signedAt).toUTCString() },
  );
}

function checkFile(config: UploadUrlConfig, body: UploadUrlRequestBody): void {
  if (!isAccepted(body, config.accept)) {
    throw new PresignRefusal<UploadUrlErrorCode>(
      400,
      "type-not-allowed",
      `Files of type ${body.type} are not accepted (accepted: ${config.accept.join(", ")})`,
    );
  }
  if (body.size > config.maxBytes) {
    throw new PresignRefusal<UploadUrlErrorCode>(
      413,
      "file-too-large",
      `The file is larger than the ${formatBytes(config.maxBytes)} limit`,
    );
  }
}

function failureResponse(config: UploadUrlConfig, state: RequestState, error: unknown): Response {
  const { principal, clientAddress, corsHeaders } = state;
  const who = {
    ...(principal === undefined ? {} : { principal }),
    ...(clientAddress === undefined ? {} : { clientAddress }),
  };
  if (error instanceof PresignRefusal) {
    config.log({ type: "refused", status: error.status, code: error.code, ...who });
    const headers =
      error.code === "origin-not-allowed" ? error.headers : { ...corsHeaders, ...error.headers };
    return errorResponse(error.status, error.code, error.message, headers);
  }
  const { status, code, message } = describeFailure(error);
  config.log({ type: "failed", status, code, ...who, error: redactedError(error) });
  return errorResponse(
    status,
    code,
    code === "internal" ? "Could not create an upload URL" : message,
    corsHeaders,
  );
}

function requestedExpires(requested: number | undefined, cap: number): number {
  if (requested === undefined) return cap;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new PresignRefusal(
      400,
      "invalid-expires",
      "expires must be a whole number of seconds >= 1",
    );
  }
  if (requested > cap) {
    throw new PresignRefusal(400, "invalid-expires", `expires cannot exceed ${cap} seconds`);
  }
  return requested;
}
