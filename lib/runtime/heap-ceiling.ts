import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8 lets the heap of a process that allocates fast grow to several times what it holds (the
 * default limit here is 4 GB), so a long bulk job's resident memory climbs with garbage it could
 * have freed. Bulk loops check a guard between batches, which runs a full collection once enough
 * garbage has piled up, and so keeps peak memory near what the job really holds. The collector is
 * reached through V8's flag (Node offers no other way to request a collection at run time).
 */
let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * A guard for one bulk job: `check()` between batches runs a full collection once the used heap
 * is `marginMb` above what the last collection left (the job's live data, which grows with its
 * caches). A fixed ceiling instead either collects after every batch once the live data nears
 * it, or lets the heap reach it before any collection.
 */
export function createHeapGuard(
  marginMb: number,
  runtime: { heapUsed: () => number; collect: (() => void) | null } = {
    heapUsed: () => process.memoryUsage().heapUsed,
    collect: collector(),
  },
): { check: () => boolean } {
  const margin = marginMb * 1024 * 1024;
  let live = runtime.heapUsed();
  return {
    check() {
      if (!runtime.collect || runtime.heapUsed() < live + margin) return false;
      runtime.collect();
      live = runtime.heapUsed();
      return true;
    },
  };
}
