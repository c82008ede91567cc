/** Requests per second per token, and how many may come at once, unless the environment says otherwise. */
export const DEFAULT_RATE = 50;
export const DEFAULT_BURST_SECONDS = 2;

export interface QuotaLimits {
  /** Tokens added per second; 0 turns the quota off. */
  rate: number;
  /** Bucket size: how many requests may arrive at once. */
  burst: number;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

/** RAQIB_PERSPECTIVE_RPS (default 50, 0 = unlimited) and RAQIB_PERSPECTIVE_BURST (default 2 s worth). */
export function quotaLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): QuotaLimits {
  const rate = positiveNumber(env.RAQIB_PERSPECTIVE_RPS, DEFAULT_RATE);
  const burst = Math.max(1, positiveNumber(env.RAQIB_PERSPECTIVE_BURST, rate * DEFAULT_BURST_SECONDS));
  return { rate, burst };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Per server process: with several processes behind a balancer each grants the full quota. */
const buckets = new Map<string, Bucket>();

export type QuotaDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Token bucket per API token: `rate` requests a second on average, up to `burst` at once.
 * Kept in this process's memory, so it costs no database work on the hot path.
 */
export function takeQuota(
  key: string,
  limits: QuotaLimits = quotaLimitsFromEnv(),
  now: number = performance.now(),
): QuotaDecision {
  if (limits.rate === 0) return { ok: true };
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = { tokens: limits.burst, at: now };
    buckets.set(key, bucket);
  }
  bucket.tokens = Math.min(limits.burst, bucket.tokens + ((now - bucket.at) / 1000) * limits.rate);
  bucket.at = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limits.rate)) };
}

/** Forgets every bucket (tests). */
export function resetQuotas(): void {
  buckets.clear();
}
