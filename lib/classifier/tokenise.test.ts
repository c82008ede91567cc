import { describe, expect, it } from "vitest";
import { normalise } from "./normalise.ts";
import { tokenise } from "./tokenise.ts";

const norms = (text: string) => tokenise(normalise(text).text).tokens.map((t) => t.norm);

describe("tokenise", () => {
  it("splits on separators and on script changes", () => {
    expect(norms("يا حمار، you idiot")).toEqual(["يا", "حمار", "you", "idiot"]);
    expect(norms("حمارidiot")).toEqual(["حمار", "idiot"]);
  });

  it("keeps Arabizi digits inside Latin words", () => {
    expect(norms("ya 7mar 3ala")).toEqual(["ya", "7mar", "3ala"]);
  });

  it("joins letters spaced apart", () => {
    expect(norms("ح م ا ر")).toEqual(["حمار"]);
    expect(norms("f u c k this")).toEqual(["fuck", "this"]);
  });

  it("joins letters dotted or dashed apart", () => {
    expect(norms("ح.م.ا.ر")).toEqual(["حمار"]);
    expect(norms("ك-ل-ب")).toEqual(["كلب"]);
  });

  it("does not join one or two single letters (و as a separate word)", () => {
    expect(norms("و هو")).toEqual(["و", "هو"]);
  });

  it("makes each emoji its own token", () => {
    expect(norms("حلو👍👍")).toEqual(["حلو", "👍", "👍"]);
  });

  it("numbers sentences and clauses", () => {
    const { tokens } = tokenise(normalise("لا هو، حمار. نعم").text);
    expect(tokens.map((t) => [t.sentence, t.clause])).toEqual([
      [0, 0],
      [0, 0],
      [0, 1],
      [1, 2],
    ]);
  });

  it("pairs quotation marks and ignores an unpaired last one", () => {
    const { tokens, quotes } = tokenise(normalise('قال "يا كلب" ثم " مشى').text);
    expect(quotes).toEqual([{ first: 1, end: 3 }]);
    expect(tokens.map((t) => t.quote)).toEqual([-1, 0, 0, -1, -1]);
  });
});
