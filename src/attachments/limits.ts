import { formatBytes } from "../core/format-bytes";
import type { AttachmentLabels } from "./labels";
import type { AttachmentLimits } from "./types";

/** Default largest file: 10 MiB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Default most files on one message. */
export const DEFAULT_ATTACHMENT_MAX_FILES = 5;

/** The limits with their defaults. */
export interface ResolvedLimits {
  accept: readonly string[];
  maxBytes: number;
  maxFiles: number;
}

export function resolveLimits(limits: AttachmentLimits): ResolvedLimits {
  return {
    accept: limits.accept ?? [],
    maxBytes: limits.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
    maxFiles: limits.maxFiles ?? DEFAULT_ATTACHMENT_MAX_FILES,
  };
}

/** The MIME type of a file, `application/octet-stream` when the browser could not tell. */
export function fileType(file: { type: string }): string {
  return file.type === "" ? "application/octet-stream" : file.type.toLowerCase();
}

/** Whether `file` matches one of `accept` (MIME type, `family/*`, or `.extension`). */
export function isAccepted(file: { name: string; type: string }, accept: readonly string[]) {
  if (accept.length === 0) return true;
  const type = fileType(file);
  const name = file.name.toLowerCase();
  return accept.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith(".")) return name.endsWith(entry);
    if (entry.endsWith("/*")) return type.startsWith(entry.slice(0, -1));
    return type === entry;
  });
}

/**
 * Why `file` cannot be attached, naming the file and the limit, or `null` when it can.
 * `count` is how many files are attached already.
 */
export function refusal(
  file: { name: string; type: string; size: number },
  limits: ResolvedLimits,
  count: number,
  labels: AttachmentLabels,
): string | null {
  if (count >= limits.maxFiles) return labels.tooManyFiles(file.name, limits.maxFiles);
  if (!isAccepted(file, limits.accept)) return labels.notAccepted(file.name, limits.accept);
  if (file.size > limits.maxBytes) {
    return labels.tooLarge(file.name, formatBytes(file.size), formatBytes(limits.maxBytes));
  }
  return null;
}
