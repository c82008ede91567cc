import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8 lets the heap of a process that allocates fast grow to several times what it holds (the
 * default limit here is 4 GB), so a long bulk job's resident memory climbs with garbage it could
 * have freed. Bulk loops call this between batches: above `ceilingMb` of used heap it runs a full
 * collection, which keeps peak memory near what the job really holds. The collector is reached
 * through V8's flag (Node offers no other way to request a collection at run time); calling it
 * only above the ceiling costs one collection per ceiling's worth of garbage.
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

export function keepHeapUnder(ceilingMb: number): void {
  if (process.memoryUsage().heapUsed < ceilingMb * 1024 * 1024) return;
  collector()?.();
}
