import type { UIMessage, UIMessageChunk } from "ai";
import { AgentRuntimeConnection } from "../../connection/agent-runtime-connection";
import type { ConversationConnection, DeliveryChannel } from "../../connection/types";
import type { ConversationPersistence } from "../../store/persistence";
import { answerStream } from "./answer-stream";
import { AnswerHub } from "./answer-hub";
import { isResumeRecord, resumeRecord, type ResumeRecord } from "./resume-record";
import { lastUserText, type AgentCoreTransportOptions } from "./transport";

type Stream = ReadableStream<UIMessageChunk>;

/** The type of the transient data part that says resume is off in this tab. */
export const RESUME_OFF_PART_TYPE = "data-agentcore-resume";

/**
 * The data of the {@link RESUME_OFF_PART_TYPE} part, sent once with the first answer after
 * another tab turned out to hold the chat's record: this tab keeps none, and a reload of it
 * does not resume.
 */
export interface AgentCoreResumeOffData {
  resume: "off";
  reason: "claimed-by-another-tab";
}

/** `stream` with `part` after its first chunk (the answer's start). */
function withPartAfterStart(stream: Stream, part: UIMessageChunk): Stream {
  let first = true;
  return stream.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        if (first) controller.enqueue(part);
        first = false;
      },
    }),
  );
}

/** The part of the transport the resume works with: its connection, which it may replace. */
export interface ResumeHost {
  connection: ConversationConnection<unknown>;
  resumeStreamIsReplay?: boolean;
}

/** What `useChat` hands `sendMessages` and `reconnectToStream` (the parts read here). */
interface ChatRequest {
  chatId: string;
  abortSignal?: AbortSignal | undefined;
  messages?: readonly UIMessage[];
}

/** A connection and its delivery channel, when it has one that can say where it stands. */
interface Delivered {
  connection: ConversationConnection<unknown>;
  channel: DeliveryChannel | undefined;
}

function channelOf(connection: ConversationConnection<unknown>): DeliveryChannel | undefined {
  const channel = connection.persistence?.().delivery;
  return channel?.state && channel.durable ? channel : undefined;
}

/** Whether nothing was ever asked of `connection`: it may still move to another session. */
function untouched(connection: ConversationConnection<unknown>): boolean {
  const { status, outbox } = connection.getSnapshot();
  return status === "idle" && outbox.length === 0;
}

/**
 * The transport's `resume` option (loaded with `import()` only when it is given): while an
 * answer streams, keeps a record of it (the runtime session, the delivery position just before
 * it, the question with its outbox id) and lets the connection acknowledge nothing beyond the
 * answer's start, so the agent keeps the whole answer; a reloaded page's `reconnectToStream`
 * finds the record, puts the connection back on the kept session and position with the
 * question queued again under its id (the agent drops a second copy), and replays the answer
 * from its start. The record goes once the answer is over, and acknowledgements flow again.
 */
export class AnswerResume {
  readonly #host: ResumeHost;
  readonly #options: AgentCoreTransportOptions;
  readonly #storage: ConversationPersistence;
  readonly #key: (chatId: string) => string;
  /** The answer streaming on this page, per chat. */
  readonly #live = new Map<string, AnswerHub>();
  /** The record read once per chat on this page (a remount asks again: one read serves all). */
  readonly #restoring = new Map<string, Promise<void>>();
  /** Writes and removals, in order. */
  #chain: Promise<unknown> = Promise.resolve();
  /** The acknowledgement bound this resume set (none: everything applied is acknowledged). */
  #held: number | undefined;
  /** Bumped by every answer: only the last one's end lets acknowledgements flow again. */
  #answers = 0;
  #stale: ReadonlySet<string> = new Set();
  /** Per chat: whether this tab holds its record's key (claimed once, kept until the tab goes). */
  readonly #claims = new Map<string, Promise<boolean>>();
  /** Whether the resume-off part is still to be sent (once per transport). */
  #untoldOff = true;

  constructor(host: ResumeHost, options: AgentCoreTransportOptions) {
    this.#host = host;
    host.resumeStreamIsReplay = true;
    this.#options = options;
    const resume = options.resume;
    if (!resume) throw new TypeError("AnswerResume needs the transport's `resume` option");
    this.#storage = resume.storage;
    this.#key = resume.key ?? ((chatId) => `ai-sdk:${chatId}`);
  }

  /**
   * Sends the last user text and streams its answer, keeping a record of it while it streams
   * (when this tab holds the chat's key: else with a resume-off part, the first time).
   */
  async sendMessages({ chatId, messages = [], abortSignal }: ChatRequest): Promise<Stream> {
    const claimed = await this.#claim(chatId);
    const { connection } = this.#host;
    const text = lastUserText(messages);
    const channel = channelOf(connection);
    connection.connect();
    const id = connection.send(text);
    let record: ResumeRecord | undefined;
    if (claimed && channel?.state) {
      // Everything applied so far comes before the answer: the next frames are its.
      const { epoch, applied } = channel.state;
      this.#hold(channel, Math.min(this.#held ?? applied, applied));
      const key = this.#key(chatId);
      record = resumeRecord(key, connection.sessionId, { id, message: text }, epoch, applied);
      this.#write(record);
    }
    const stream = this.#follow(chatId, id, { connection, channel }, record).reader(abortSignal);
    if (claimed || !this.#untoldOff) return stream;
    this.#untoldOff = false;
    const data: AgentCoreResumeOffData = { resume: "off", reason: "claimed-by-another-tab" };
    return withPartAfterStart(stream, { type: RESUME_OFF_PART_TYPE, data, transient: true });
  }

  /** Claims the key of `chatId`'s record once; `false` when another tab holds it. */
  #claim(chatId: string): Promise<boolean> {
    let claim = this.#claims.get(chatId);
    if (!claim) {
      claim = this.#storage.claim(this.#key(chatId)).then(
        (held) => held !== null,
        () => false,
      );
      this.#claims.set(chatId, claim);
    }
    return claim;
  }

  /** The answer in flight for `chatId` from its start, or `null` when there is none. */
  async reconnectToStream({ chatId, abortSignal }: ChatRequest): Promise<Stream | null> {
    if (!(await this.#claim(chatId))) return null; // another tab keeps (and resumes) it
    let restoring = this.#restoring.get(chatId);
    if (!restoring) {
      restoring = this.#restore(chatId).catch(() => undefined);
      this.#restoring.set(chatId, restoring);
    }
    await restoring;
    const hub = this.#live.get(chatId);
    // Aborted before it was handed out: `useChat` asked again (StrictMode), the answer goes on.
    return hub && !hub.over && !abortSignal?.aborted ? hub.reader(abortSignal) : null;
  }

  async #restore(chatId: string): Promise<void> {
    if (this.#live.has(chatId)) return;
    const key = this.#key(chatId);
    const record = await this.#storage.load(key);
    if (!isResumeRecord(record, key)) return;
    const [question] = record.outbox;
    const connection = this.#connectionOn(record.sessionId);
    const channel = connection && channelOf(connection);
    if (!connection || !channel?.state || this.#live.has(chatId)) return;
    const position = record.delivery;
    if (position) {
      channel.state.epoch = position.epoch;
      channel.state.applied = position.applied;
    }
    this.#hold(channel, position?.applied ?? 0);
    connection.persistence?.().outbox.add({ ...question, status: "queued" });
    this.#follow(chatId, question.id, { connection, channel }, record);
    connection.connect();
  }

  /** The transport's connection, on `sessionId`: the same, or a new one if it is untouched. */
  #connectionOn(sessionId: string): ConversationConnection<unknown> | undefined {
    const current = this.#host.connection;
    if (!untouched(current)) return undefined;
    if (current.sessionId === sessionId) return current;
    const options = this.#options;
    if ("connection" in options) return undefined; // the app's own connection: its session
    const next = new AgentRuntimeConnection({ ...options, sessionId });
    this.#host.connection = next;
    current.close();
    return next;
  }

  /** Follows the answer to `id`; when it is over, forgets its record and acknowledges again. */
  #follow(
    chatId: string,
    id: string,
    { connection, channel }: Delivered,
    record: ResumeRecord | undefined,
  ): AnswerHub {
    const hub = new AnswerHub(id, (abortSignal) =>
      answerStream({
        connection,
        messageId: id,
        abortSignal,
        stale: this.#stale,
        onStopped: (ids) => {
          this.#stale = ids;
        },
      }),
    );
    this.#live.set(chatId, hub);
    const answer = ++this.#answers;
    const placed = record && channel && this.#placeOnFirstFrame(connection, channel, record, hub);
    void hub.ended.then(() => {
      placed?.();
      if (this.#live.get(chatId) === hub) this.#live.delete(chatId);
      if (!record || !channel) return;
      const removed = this.#queue(() => this.#storage.remove(record.key));
      // Kept when the removal failed: a reload replays the finished answer rather than a gap.
      void removed.then(
        () => answer === this.#answers && this.#release(connection, channel),
        () => undefined,
      );
    });
    return hub;
  }

  /**
   * A record made before the agent's first `@hello` knows no epoch: the first frame after it
   * says where the answer starts (and under which session id the backend bound it).
   */
  #placeOnFirstFrame(
    connection: ConversationConnection<unknown>,
    channel: DeliveryChannel,
    record: ResumeRecord,
    hub: AnswerHub,
  ): (() => void) | undefined {
    if (record.delivery) return undefined;
    const off = connection.onEvent(() => {
      off();
      const epoch = channel.state?.epoch;
      if (hub.over || !epoch || !channel.state) return;
      const applied = channel.state.applied - 1;
      this.#write({ ...record, sessionId: connection.sessionId, delivery: { epoch, applied } });
    });
    return off;
  }

  /** Acknowledge nothing beyond `applied` (lowering the bound only: a raise could break `@resume`). */
  #hold(channel: DeliveryChannel, applied: number): void {
    this.#held = applied;
    channel.durable?.(applied);
  }

  /** Acknowledges everything applied again, once the stream can say so (after `@hello`). */
  #release(connection: ConversationConnection<unknown>, channel: DeliveryChannel): void {
    const answer = this.#answers;
    const tryRelease = (): boolean => {
      if (answer !== this.#answers) return true; // a newer answer holds its own bound
      if (!channel.ready) return false;
      this.#held = undefined;
      channel.durable?.(Infinity);
      return true;
    };
    if (tryRelease()) return;
    const offs = [connection.subscribe(retry), connection.onEvent(retry)];
    function retry(): void {
      if (tryRelease()) for (const off of offs) off();
    }
  }

  #write(record: ResumeRecord): void {
    void this.#queue(() => this.#storage.save(record)).catch(() => undefined);
  }

  /** Runs `task` after the writes before it; the promise rejects when `task` failed. */
  #queue(task: () => Promise<void>): Promise<void> {
    const done = this.#chain.then(task);
    this.#chain = done.catch(() => undefined);
    return done;
  }
}

/** The resume of `host`, a transport made with `options` (with `resume`). */
export function resume(host: ResumeHost, options: AgentCoreTransportOptions): AnswerResume {
  return new AnswerResume(host, options);
}
