import { describe, expect, it } from "vitest";
import { cohenKappa, fleissKappa } from "./kappa.ts";

const repeat = <T>(item: T, times: number): T[] => Array.from({ length: times }, () => item);

describe("cohenKappa", () => {
  it("matches a hand-computed 2×2 example: po = 0.7, pe = 0.5, κ = 0.4", () => {
    const pairs: [string, string][] = [
      ...repeat<[string, string]>(["yes", "yes"], 20),
      ...repeat<[string, string]>(["yes", "no"], 5),
      ...repeat<[string, string]>(["no", "yes"], 10),
      ...repeat<[string, string]>(["no", "no"], 15),
    ];
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 10);
  });

  it("is 1 for perfect agreement and negative for systematic disagreement", () => {
    expect(
      cohenKappa([
        ["a", "a"],
        ["b", "b"],
        ["a", "a"],
      ]),
    ).toBe(1);
    // po = 0, pe = 0.5 → κ = −1
    expect(
      cohenKappa([
        ["a", "b"],
        ["b", "a"],
      ]),
    ).toBe(-1);
  });

  it("is undefined (null) with no items or when both raters use one label only", () => {
    expect(cohenKappa([])).toBeNull();
    expect(
      cohenKappa([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNull();
  });
});

describe("fleissKappa", () => {
  it("matches a hand-computed 3 items × 3 raters example: P̄ = 7/9, Pe = 41/81, κ = 0.55", () => {
    expect(
      fleissKappa([
        ["a", "a", "a"],
        ["a", "a", "b"],
        ["b", "b", "b"],
      ]),
    ).toBeCloseTo(0.55, 10);
  });

  it("reproduces Fleiss's 10 subjects × 14 raters example (κ ≈ 0.210)", () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const items = table.map((counts) => counts.flatMap((count, category) => repeat(`c${category}`, count)));
    expect(fleissKappa(items)).toBeCloseTo(0.2099, 3);
  });

  it("ignores items with fewer than two labels and equals Cohen's kappa's sign on agreement", () => {
    expect(fleissKappa([["a"], ["a", "a"], ["b", "b"]])).toBe(1);
    expect(fleissKappa([["a"]])).toBeNull();
  });
});
