import type { UIMessageChunk } from "ai";
import { AnswerFollower, type AnswerOptions } from "../shared/answer-follower";
import { ChunkMapper } from "../shared/chunk-mapper";
import type { ConnectionSnapshot } from "../../connection/types";
import { STATUS_PART_TYPE, statusData } from "./status-part";

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
      // The status part shown last, as JSON: a snapshot that changes nothing it shows adds none.
      let shown = "";
      const showStatus = (snapshot: ConnectionSnapshot<unknown>) => {
        const data = statusData(snapshot);
        const key = JSON.stringify(data);
        if (key === shown) return;
        shown = key;
        controller.enqueue({ type: STATUS_PART_TYPE, data, transient: true });
      };
      const mapper = new ChunkMapper(`${options.messageId}-part`);
      follower = new AnswerFollower(options, mapper, {
        push: (chunks) => {
          for (const chunk of chunks) controller.enqueue(chunk);
        },
        close: () => controller.close(),
        snapshot: showStatus,
      });
      controller.enqueue({ type: "start" });
      showStatus(options.connection.getSnapshot());
      follower.start();
    },
    cancel: () => follower?.release(),
  });
}
