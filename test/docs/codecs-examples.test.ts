import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { textCodec, type AgentEvent, type IncomingFrame } from "../../src/index";

/**
 * Every example table of the `textCodec` section of docs/codecs.md is one stream: its frames,
 * in order, go through one `textCodec.createDecoder()` and must give the events the table
 * lists. So every shape the page promises is tested, and the page cannot drift from the code.
 */

const PAGE = fileURLToPath(new URL("../../docs/codecs.md", import.meta.url));

interface Row {
  frame: IncomingFrame;
  cell: string;
  expected: AgentEvent[];
}

/** The `textCodec` section: from its heading to the next `## `. */
function textCodecSection(page: string): string {
  const start = page.indexOf("## `textCodec` (default)");
  const end = page.indexOf("\n## ", start + 1);
  if (start < 0 || end < 0) throw new Error("docs/codecs.md has no textCodec section");
  return page.slice(start, end);
}

/** The tables whose header is `| frame | events |`, each as its body rows' two cells. */
function exampleTables(section: string): Array<Array<[string, string]>> {
  const tables: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> | undefined;
  for (const line of section.split("\n")) {
    const cells = line.startsWith("|") ? line.split("|").slice(1, -1) : undefined;
    if (!cells) {
      current = undefined;
      continue;
    }
    const [first = "", second = ""] = cells.map((cell) => cell.trim());
    if (first === "frame" && second === "events") {
      current = [];
      tables.push(current);
    } else if (current && !/^-+$/.test(first)) current.push([first, second]);
  }
  return tables;
}

/** A frame cell: `` `text` `` is a text frame, ``binary `68 C3` `` a binary frame of those bytes. */
function frameOf(cell: string): IncomingFrame {
  const binary = /^binary `([0-9A-F ]+)`$/.exec(cell);
  if (binary?.[1]) return new Uint8Array(binary[1].split(" ").map((hex) => parseInt(hex, 16)));
  const text = /^`(.*)`$/.exec(cell);
  if (text?.[1] === undefined) throw new Error(`Cannot read the frame cell ${cell}`);
  return text[1];
}

/**
 * An events cell: `` `text-delta "Hi"`, `message-end` ``, `` `error "x" (code 429, fatal)` ``,
 * `` `sources 2` ``, (none).
 */
function eventsOf(cell: string): AgentEvent[] {
  if (cell === "(none)") return [];
  return [...cell.matchAll(/`([^`]+)`/g)].map(([, spec = ""]) => eventOf(spec));
}

function eventOf(spec: string): AgentEvent {
  if (spec === "message-end") return { type: "message-end" };
  if (spec === "custom json") return { type: "custom", name: "json", value: expect.anything() };
  const delta = /^text-delta (".*")$/.exec(spec);
  if (delta?.[1]) return { type: "text-delta", delta: JSON.parse(delta[1]) as string };
  const error = /^error (".*") \((?:code (\S+), )?fatal\)$/.exec(spec);
  if (error?.[1]) {
    const event: AgentEvent = { type: "error", message: JSON.parse(error[1]) as string };
    if (error[2]) event.code = error[2];
    event.fatal = true;
    return event;
  }
  // Tool events are shown by type and payload; their ids come from the frame.
  if (spec === "tool-call-start" || spec === "tool-call-end")
    return expect.objectContaining({ type: spec }) as AgentEvent;
  const args = /^tool-call-args '(.*)'$/.exec(spec);
  if (args?.[1])
    return expect.objectContaining({ type: "tool-call-args", delta: args[1] }) as AgentEvent;
  // Sources are shown by count: that many valid (http(s)) sources.
  const sources = /^sources (\d+)$/.exec(spec);
  if (sources?.[1]) {
    const source = expect.objectContaining({ url: expect.stringMatching(/^https?:\/\//) });
    return { type: "sources", sources: Array.from({ length: Number(sources[1]) }, () => source) };
  }
  const result = /^tool-call-result (".*")$/.exec(spec);
  if (result?.[1]) {
    const content = JSON.parse(result[1]) as string;
    return expect.objectContaining({ type: "tool-call-result", content }) as AgentEvent;
  }
  throw new Error(`Cannot read the event ${spec}`);
}

const tables = exampleTables(textCodecSection(readFileSync(PAGE, "utf8"))).map((table) =>
  table.map(([frame, events]): Row => ({
    frame: frameOf(frame),
    cell: frame,
    expected: eventsOf(events),
  })),
);

describe("docs/codecs.md: the textCodec examples", () => {
  it("has one example table per agent it names, and the rules table", () => {
    // Plain text, the SDK's stream_chunk, two Strands streams and the JSON text objects.
    expect(tables).toHaveLength(5);
    expect(tables.flat().length).toBeGreaterThan(40);
  });

  it.each(tables.map((rows, index) => [index + 1, rows] as const))(
    "table %i gives the events it lists, frame by frame, in one stream",
    (_index, rows) => {
      const decoder = textCodec.createDecoder?.();
      if (!decoder) throw new Error("textCodec has no createDecoder");
      for (const row of rows) {
        expect({ frame: row.cell, events: decoder.decode(row.frame) }).toEqual({
          frame: row.cell,
          events: row.expected,
        });
      }
    },
  );
});
