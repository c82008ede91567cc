import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OSACT_VALIDATION_SHARE, type OsactRow, parseOsactTsv, splitOsact } from "./osact.ts";

describe("OSACT 2020", () => {
  it("parses tab-separated rows without quote handling and turns <LF> into line breaks", () => {
    const rows = parseOsactTsv('id\ttext\toffensive\thate\ntrain-1\t"quoted start<LF>next\t1\t0\n');
    expect(rows).toEqual([{ id: "train-1", text: '"quoted start\nnext', offensive: true, hate: false }]);
  });

  it("names the line of a bad row", () => {
    expect(() => parseOsactTsv("id\ttext\toffensive\thate\ntrain-1\ttext\t2\t0\n", "x.tsv")).toThrow(
      "x.tsv:2: labels must be 0 or 1",
    );
    expect(() => parseOsactTsv("nope\n", "x.tsv")).toThrow("x.tsv:1: expected header");
  });

  it("splits a fixed, stratified 15% for validation", () => {
    const rows: OsactRow[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `train-${i}`,
      text: "x",
      offensive: i % 5 === 0,
      hate: false,
    }));
    const { train, validation } = splitOsact(rows);
    expect(train.length + validation.length).toBe(1000);
    expect(validation.filter((r) => r.offensive)).toHaveLength(Math.round(200 * OSACT_VALIDATION_SHARE));
    expect(validation.filter((r) => !r.offensive)).toHaveLength(Math.round(800 * OSACT_VALIDATION_SHARE));
    // Same ids in any order → same split.
    expect(
      splitOsact([...rows].reverse())
        .validation.map((r) => r.id)
        .sort(),
    ).toEqual(validation.map((r) => r.id).sort());
  });

  it("the bundled train file splits into 1051 validation tweets", () => {
    const rows = parseOsactTsv(
      readFileSync(new URL("../../bench/data/osact2020/train.tsv", import.meta.url), "utf8"),
    );
    expect(rows).toHaveLength(7000);
    const { validation } = splitOsact(rows);
    expect(validation).toHaveLength(1051);
    expect(validation.filter((r) => r.offensive)).toHaveLength(212);
  });
});
