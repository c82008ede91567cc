/** A one-line progress display on a terminal, redrawn at most ten times a second. */
export function createProgressLine(stream: NodeJS.WritableStream, enabled: boolean) {
  let last = 0;
  let shown = false;
  return {
    update(text: string, force = false) {
      if (!enabled) return;
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (enabled && shown) stream.write("\r\x1b[2K");
    },
  };
}

export function bar(fraction: number, width = 24): string {
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

export function formatRate(count: number, seconds: number): string {
  return seconds > 0 ? Math.round(count / seconds).toLocaleString("en-US") : "0";
}
