import type { MessageRecord } from "./message-record";
import type { MessageBranch } from "./types";

/**
 * A run of messages shown together. The versions of what follows it are its `next` lanes, one
 * of them selected; the messages shown are those of the lanes on the selected path from the
 * root.
 */
export interface Lane {
  parent: Lane | null;
  next: Lane[];
  selected: number;
  /** The id of the user message the lane starts with, once it has one. */
  headId: string | null;
  /** On the selected path. */
  visible: boolean;
}

function newLane(parent: Lane | null): Lane {
  return { parent, next: [], selected: 0, headId: null, visible: true };
}

/**
 * The versions of a conversation's turns (regenerated answers, edited messages) as a tree of
 * lanes. Every message belongs to one lane; a new message joins the last lane shown.
 */
export class Branches {
  readonly #root = newLane(null);
  #last = this.#root;

  /** The lane new messages join: the end of the selected path. */
  get current(): Lane {
    return this.#last;
  }

  /**
   * Starts a new, selected version of the turn that `head` (a shown user message) starts. The
   * old version keeps `head` and everything shown after it. `order` is every message, in order.
   * The next message added heads the new version. Returns a function that forgets the new
   * version again if it got no message (its send threw).
   */
  fork(order: readonly MessageRecord[], head: MessageRecord): () => void {
    let lane = head.lane;
    if (lane.headId !== head.id || !lane.parent) {
      // Split the lane at `head`: what follows moves into the old version.
      const old: Lane = { ...newLane(lane), next: lane.next, selected: lane.selected };
      old.headId = head.id;
      for (const child of old.next) child.parent = old;
      let moving = false;
      for (const record of order) {
        moving ||= record === head;
        if (moving && record.lane === lane) record.lane = old;
      }
      lane.next = [old];
      lane.selected = 0;
      if (lane.headId === head.id) lane.headId = null;
    } else {
      lane = lane.parent;
    }
    const parent = lane;
    const before = parent.selected;
    const added = newLane(parent);
    parent.selected = parent.next.push(added) - 1;
    this.#refresh();
    return () => {
      if (added.headId !== null) return;
      parent.next = parent.next.filter((other) => other !== added);
      parent.selected = before;
      this.#refresh();
    };
  }

  /** Shows version `index` of the turn `head` starts. Returns whether anything changed. */
  select(head: MessageRecord, index: number): boolean {
    const parent = head.lane.parent;
    if (!parent || head.lane.headId !== head.id || parent.selected === index) return false;
    if (!Number.isInteger(index) || index < 0 || index >= parent.next.length) return false;
    parent.selected = index;
    this.#refresh();
    return true;
  }

  /** The heads of the versions next to (and including) `lane`. */
  siblingHeads(lane: Lane): string[] {
    return (lane.parent?.next ?? []).flatMap((sibling) => sibling.headId ?? []);
  }

  /** Which version `record` starts, when it starts one of several. */
  branchOf(record: MessageRecord): MessageBranch | undefined {
    const { lane } = record;
    const count = lane.parent?.next.length ?? 0;
    if (lane.headId !== record.id || count < 2 || !lane.parent) return undefined;
    return { index: lane.parent.next.indexOf(lane), count };
  }

  #refresh(): void {
    const hide = (lane: Lane): void => {
      lane.visible = false;
      lane.next.forEach(hide);
    };
    hide(this.#root);
    let lane = this.#root;
    lane.visible = true;
    for (let next = lane.next[lane.selected]; next; next = lane.next[lane.selected]) {
      lane = next;
      lane.visible = true;
    }
    this.#last = lane;
  }
}
