import { describe, expect, it } from "vitest";
import { createHeapGuard } from "./heap-ceiling.ts";

const MB = 1024 * 1024;

describe("createHeapGuard", () => {
  it("collects once the heap grows by the margin past what the last collection left", () => {
    let used = 50 * MB;
    let collections = 0;
    const guard = createHeapGuard(64, {
      heapUsed: () => used,
      collect: () => {
        collections++;
        used = 80 * MB; // live data grew from 50 to 80 MB
      },
    });
    used = 100 * MB;
    expect(guard.check()).toBe(false);
    used = 120 * MB;
    expect(guard.check()).toBe(true);
    // The next collection waits for 80 + 64 MB, not for 50 + 64.
    used = 130 * MB;
    expect(guard.check()).toBe(false);
    used = 150 * MB;
    expect(guard.check()).toBe(true);
    expect(collections).toBe(2);
  });

  it("does nothing where the collector cannot be reached", () => {
    const guard = createHeapGuard(1, { heapUsed: () => 500 * MB, collect: null });
    expect(guard.check()).toBe(false);
  });

  it("really frees garbage with V8's collector", () => {
    const guard = createHeapGuard(8);
    let garbage: number[][] | null = Array.from({ length: 200 }, () => new Array(10_000).fill(1.5));
    expect(garbage.length).toBe(200);
    garbage = null;
    const before = process.memoryUsage().heapUsed;
    expect(guard.check()).toBe(true);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before);
  });
});
