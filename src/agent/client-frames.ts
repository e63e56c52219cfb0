/** What one frame from the client means (docs/delivery.md, "Client to agent"). */
export type ClientFrame =
  | { type: "resume"; epoch: string | null; seq: number }
  | { type: "ack"; seq: number }
  | { type: "msg"; id: string; payload: string }
  | { type: "unreadable"; reason: string };

const NUMBER = /^(0|[1-9][0-9]*)$/;
const EPOCH = /^[A-Za-z0-9]{4,32}$/;
const MESSAGE_ID = /^[A-Za-z0-9\-_.:]{1,64}$/;

/** A decimal integer of the protocol (no sign, no leading zero, at most 2^53 − 1), or `null`. */
function sequenceOf(text: string | undefined): number | null {
  if (text === undefined || !NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

function unreadable(frame: string, why: string): ClientFrame {
  return { type: "unreadable", reason: `${why}: ${JSON.stringify(frame.slice(0, 40))}` };
}

function readResume(frame: string, fields: string[]): ClientFrame {
  const [epoch, seqText] = fields;
  const seq = sequenceOf(seqText);
  if (fields.length !== 2 || epoch === undefined || seq === null) {
    return unreadable(frame, "@resume needs an epoch and a sequence");
  }
  if (epoch === "-") return { type: "resume", epoch: null, seq };
  if (!EPOCH.test(epoch)) return unreadable(frame, "@resume has an invalid epoch");
  return { type: "resume", epoch, seq };
}

function readMessage(frame: string, rest: string): ClientFrame {
  const space = rest.indexOf(" ");
  const id = space < 0 ? rest : rest.slice(0, space);
  if (space < 0 || !MESSAGE_ID.test(id)) {
    return unreadable(frame, "@msg needs an id of 1 to 64 characters and a payload");
  }
  return { type: "msg", id, payload: rest.slice(space + 1) };
}

/** Reads one text frame from the client. */
export function readClientFrame(frame: string): ClientFrame {
  const space = frame.indexOf(" ");
  const kind = space < 0 ? frame : frame.slice(0, space);
  const rest = space < 0 ? "" : frame.slice(space + 1);
  if (kind === "@msg") return readMessage(frame, rest);
  if (kind === "@resume") return readResume(frame, rest.split(" "));
  if (kind === "@ack") {
    const seq = sequenceOf(rest);
    return seq === null ? unreadable(frame, "@ack needs a sequence") : { type: "ack", seq };
  }
  return unreadable(frame, "not a client frame of acr-delivery/1");
}
