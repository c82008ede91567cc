/**
 * Every connection a raqib process opens is named `raqib <purpose> [pid N]`, so the embedded
 * server can tell this process's sessions from other processes' when deciding whether to stop.
 */
export function applicationName(purpose: string): string {
  return `raqib ${purpose} [pid ${process.pid}]`;
}

export function ownSessionsPattern(): string {
  return `% [pid ${process.pid}]`;
}
