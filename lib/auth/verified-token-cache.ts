import type { Actor } from "./session-user.ts";

type TokenActor = Extract<Actor, { kind: "token" }>;

/**
 * A short memory of tokens that just passed authentication, for the one hot route that may use
 * it (the Perspective-compatible analyze API, called once per comment). Per process and per
 * database; revoking a token in this process forgets them all at once, a revocation made by
 * another process (the CLI) takes effect within the time to live.
 */
type Memory = Map<string, { actor: TokenActor; until: number }>;
// One memory per process, even where two copies of this module are loaded (Next's bundle and the
// Perspective fast path of `raqib serve`): a revocation through the dashboard clears both.
const slot = globalThis as { [key: symbol]: Memory | undefined };
const KEY = Symbol.for("raqib.verifiedTokens");
slot[KEY] ??= new Map();
const verified: Memory = slot[KEY];

/** RAQIB_TOKEN_CACHE_MS, default 2000; 0 turns the memory off. */
export function verifiedTokenTtl(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.RAQIB_TOKEN_CACHE_MS ?? "2000");
  return Number.isFinite(value) && value >= 0 ? value : 2000;
}

export function recallVerifiedToken(key: string, now = Date.now()): TokenActor | null {
  const entry = verified.get(key);
  if (!entry) return null;
  if (entry.until <= now) {
    verified.delete(key);
    return null;
  }
  return entry.actor;
}

export function rememberVerifiedToken(key: string, actor: TokenActor, now = Date.now()): void {
  const ttl = verifiedTokenTtl();
  if (ttl === 0) return;
  // Bounded: a flood of distinct valid tokens cannot grow it without limit.
  if (verified.size >= 10_000) verified.clear();
  verified.set(key, { actor, until: now + ttl });
}

export function forgetVerifiedTokens(): void {
  verified.clear();
}
