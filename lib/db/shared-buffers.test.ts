import { describe, expect, it } from "vitest";
import { sharedBuffersMb } from "./embedded-postgres.ts";

const GB = 1024 ** 3;

describe("sharedBuffersMb", () => {
  it("gives the embedded server a sixteenth of the machine's memory", () => {
    expect(sharedBuffersMb(8 * GB)).toBe(512);
  });
  it("never goes below PostgreSQL's default of 128 MB on small machines", () => {
    expect(sharedBuffersMb(1 * GB)).toBe(128);
  });
  it("stops at 1 GB on large machines", () => {
    expect(sharedBuffersMb(64 * GB)).toBe(1024);
  });
});
