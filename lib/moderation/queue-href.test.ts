import { describe, expect, it } from "vitest";
import { exportHref, queueHref } from "./queue-href.ts";

describe("queue addresses", () => {
  it("keeps the filters and drops paging and the open comment for the export page", () => {
    const params = {
      queue: "flagged" as const,
      sentiment: "negative" as const,
      after: "120",
      c: 7,
      size: 50 as const,
    };
    expect(exportHref(params)).toBe("/admin/export?queue=flagged&sentiment=negative");
    expect(queueHref(params, { c: 9 })).toContain("after=120");
  });
});
