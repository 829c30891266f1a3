// firstDuplicateKey finds what JSON.parse would silently drop: the first of two equal keys in
// one object. Properties over generated JSON, and a few written by hand.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { firstDuplicateKey } from "../../src/cli/jsonKeys.ts";

describe("firstDuplicateKey", () => {
  it("finds a repeated key with its line, and nothing in equal keys of different objects", () => {
    expect(firstDuplicateKey('{"a": 1,\n "b": {"a": 2},\n "a": 3}')).toEqual({ key: "a", line: 3 });
    expect(firstDuplicateKey('[{"a": 1}, {"a": 2}]')).toBeUndefined();
    expect(firstDuplicateKey('{"a": "a", "b": ["a", "a"]}')).toBeUndefined();
    // Escapes: "\u0061" is the key "a"; a quote inside a string does not end it.
    expect(firstDuplicateKey('{"a": "x\\"y", "\\u0061": 2}')).toEqual({ key: "a", line: 1 });
    expect(firstDuplicateKey('{"__proto__": 1, "__proto__": 2}')).toEqual({ key: "__proto__", line: 1 });
  });

  test.prop([fc.jsonValue()])("finds nothing in what JSON.stringify writes (its objects never repeat a key)", (value) => {
    expect(firstDuplicateKey(JSON.stringify(value, null, 1))).toBeUndefined();
  });

  test.prop([fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.nat(), fc.jsonValue()])(
    "finds a key written twice in an object",
    (object, pick, value) => {
      const keys = Object.keys(object);
      const key = keys[pick % keys.length] as string;
      const text = `${JSON.stringify(object).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`;
      expect(firstDuplicateKey(text)?.key).toBe(key);
    },
  );
});
