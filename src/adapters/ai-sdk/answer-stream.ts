import type { UIMessageChunk } from "ai";
import { AnswerFollower, type AnswerOptions } from "../shared/answer-follower";
import { ChunkMapper } from "../shared/chunk-mapper";
import {
  STATUS_PART_TYPE,
  statusChanged,
  statusData,
  type AgentCoreStatusData,
} from "./status-part";

export { CONNECTION_CLOSED, CONNECTION_FAILED } from "../shared/answer-follower";
export type { AnswerOptions } from "../shared/answer-follower";

/**
 * The answer to one sent message as a stream of UI message chunks (see `AnswerFollower`), with
 * a transient status part whenever the connection's status changes.
 */
export function answerStream(options: AnswerOptions): ReadableStream<UIMessageChunk> {
  let follower: AnswerFollower<UIMessageChunk> | undefined;
  return new ReadableStream<UIMessageChunk>({
    start: (controller) => {
      let status: AgentCoreStatusData = statusData(options.connection.getSnapshot());
      const enqueueStatus = () =>
        controller.enqueue({ type: STATUS_PART_TYPE, data: status, transient: true });
      const mapper = new ChunkMapper(`${options.messageId}-part`);
      follower = new AnswerFollower(options, mapper, {
        push: (chunks) => {
          for (const chunk of chunks) controller.enqueue(chunk);
        },
        close: () => controller.close(),
        snapshot: (snapshot) => {
          const next = statusData(snapshot);
          if (!statusChanged(status, next)) return;
          status = next;
          enqueueStatus();
        },
      });
      controller.enqueue({ type: "start" });
      enqueueStatus();
      follower.start();
    },
    cancel: () => follower?.release(),
  });
}
