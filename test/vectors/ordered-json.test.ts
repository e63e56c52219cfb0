import { orderedEntries, parseOrderedJson } from "./ordered-json";

describe("parseOrderedJson", () => {
  it("parses like JSON.parse", () => {
    const text = '{"a":[1,-2.5e3,true,false,null,"x\\"y\\u00e9"],"b":{},"c":[]}';
    expect(parseOrderedJson(text)).toEqual(JSON.parse(text));
  });

  it("keeps integer-like keys in source order, unlike plain objects", () => {
    const parsed = parseOrderedJson('{"b":"1","10":"2","a":"3","2":"4"}') as object;
    expect(Object.keys(parsed)).toEqual(["2", "10", "b", "a"]);
    expect(orderedEntries(parsed)).toEqual([
      ["b", "1"],
      ["10", "2"],
      ["a", "3"],
      ["2", "4"],
    ]);
  });

  it.each(['{"a":1', '{"a" 1}', "[1,]", "1 2", '"open'])("rejects %s", (text) => {
    expect(() => parseOrderedJson(text)).toThrow(SyntaxError);
  });
});
