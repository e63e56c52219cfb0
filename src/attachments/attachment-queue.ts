import type { AttachmentReference } from "../core/attachment-reference";
import { fileType } from "./limits";
import type { UploadAttachment } from "./types";

/** One attached file and how its upload goes. */
export interface AttachedFile {
  /** Unique within the queue. */
  readonly id: string;
  readonly file: File;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** An object URL of an image, for its preview; revoked when the file leaves the queue. */
  readonly previewUrl: string | null;
  readonly status: "uploading" | "uploaded" | "failed";
  /** Bytes sent so far, 0 to 1. */
  readonly progress: number;
  /** Where the upload put it, once `uploaded`. */
  readonly reference: AttachmentReference | null;
  /** Why the upload failed, when `failed`. */
  readonly error: string | null;
}

/** What a queue needs from its page. */
export interface AttachmentQueueOptions {
  upload: UploadAttachment;
  /** Default: `URL.createObjectURL` (absent on servers and some test DOMs: no previews then). */
  createObjectURL?: (file: File) => string;
  revokeObjectURL?: (url: string) => void;
}

function defaultCreate(file: File): string | null {
  return typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null;
}

function defaultRevoke(url: string): void {
  if (typeof URL.revokeObjectURL === "function") URL.revokeObjectURL(url);
}

function describe(error: unknown): string {
  return error instanceof Error && error.message !== "" ? error.message : String(error);
}

/**
 * The files attached to the message being written, each uploading at once: add, remove, retry,
 * and clear once the message is sent. Framework-free; the composer renders its snapshot.
 * Removing a file aborts its upload and revokes its preview URL.
 */
export class AttachmentQueue {
  #items: readonly AttachedFile[] = [];
  readonly #aborts = new Map<string, AbortController>();
  readonly #listeners = new Set<() => void>();
  readonly #options: AttachmentQueueOptions;
  #next = 0;

  constructor(options: AttachmentQueueOptions) {
    this.#options = options;
  }

  /** The files, in the order they were attached. The same array until something changes. */
  getSnapshot = (): readonly AttachedFile[] => this.#items;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Attaches a file (already checked against the limits) and starts its upload. */
  add(file: File): AttachedFile {
    const type = fileType(file);
    const create = this.#options.createObjectURL ?? defaultCreate;
    const item: AttachedFile = {
      id: `attachment-${++this.#next}`,
      file,
      name: file.name,
      type,
      size: file.size,
      previewUrl: type.startsWith("image/") ? create(file) : null,
      status: "uploading",
      progress: 0,
      reference: null,
      error: null,
    };
    this.#set([...this.#items, item]);
    this.#upload(item.id);
    return item;
  }

  /** Removes a file: aborts its upload and revokes its preview. */
  remove(id: string): void {
    const item = this.#items.find((candidate) => candidate.id === id);
    if (!item) return;
    this.#abort(id);
    this.#revoke(item);
    this.#set(this.#items.filter((candidate) => candidate.id !== id));
  }

  /** Uploads a failed file again. */
  retry(id: string): void {
    const item = this.#items.find((candidate) => candidate.id === id);
    if (!item || item.status !== "failed") return;
    this.#patch(id, { status: "uploading", progress: 0, error: null });
    this.#upload(id);
  }

  /** Empties the queue (after the message was sent, or when the chat goes): aborts and revokes. */
  clear(): void {
    for (const item of this.#items) {
      this.#abort(item.id);
      this.#revoke(item);
    }
    this.#set([]);
  }

  #upload(id: string): void {
    const item = this.#items.find((candidate) => candidate.id === id);
    if (!item) return;
    const controller = new AbortController();
    this.#aborts.set(id, controller);
    const settle = (patch: Partial<AttachedFile>) => {
      if (this.#aborts.get(id) !== controller) return;
      this.#aborts.delete(id);
      this.#patch(id, patch);
    };
    let upload: Promise<AttachmentReference>;
    try {
      upload = this.#options.upload(item.file, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) => {
          if (controller.signal.aborted || this.#aborts.get(id) !== controller) return;
          const progress = total > 0 ? Math.min(1, Math.max(0, loaded / total)) : 0;
          this.#patch(id, { progress });
        },
      });
    } catch (error) {
      upload = Promise.reject(error);
    }
    Promise.resolve(upload).then(
      (reference) => settle({ status: "uploaded", progress: 1, reference }),
      (error: unknown) => settle({ status: "failed", error: describe(error) }),
    );
  }

  #abort(id: string): void {
    const controller = this.#aborts.get(id);
    this.#aborts.delete(id);
    controller?.abort();
  }

  #revoke(item: AttachedFile): void {
    if (item.previewUrl === null) return;
    (this.#options.revokeObjectURL ?? defaultRevoke)(item.previewUrl);
  }

  #patch(id: string, patch: Partial<AttachedFile>): void {
    this.#set(this.#items.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  }

  #set(items: readonly AttachedFile[]): void {
    this.#items = items;
    for (const listener of this.#listeners) listener();
  }
}
