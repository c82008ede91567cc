/**
 * Stand-ins for next/headers and next/cache, so server actions and requireUser() run in Vitest
 * against a real database and real better-auth sessions. Use in a test file:
 *   vi.mock("next/headers", async () => (await import("../testing/fake-next.ts")).nextHeaders);
 *   vi.mock("next/headers.js", async () => (await import("../testing/fake-next.ts")).nextHeaders);
 *   vi.mock("next/cache", async () => (await import("../testing/fake-next.ts")).nextCache);
 */

interface FakeRequestState {
  headers: Headers;
  /** Cookies a server action set (what the browser would store). */
  jar: Map<string, string>;
}

export const fakeRequest: FakeRequestState = { headers: new Headers(), jar: new Map() };

/** The next action or page "request": its cookie header, Origin, path and client address. */
export function setFakeRequest(options: { cookie?: string | null; path?: string; ip?: string } = {}): void {
  const headers = new Headers({
    host: "raqib.test",
    "x-forwarded-proto": "http",
    "x-forwarded-for": options.ip ?? "198.51.100.7",
    origin: "http://raqib.test",
    "user-agent": "vitest",
    "x-raqib-path": options.path ?? "/articles",
  });
  if (options.cookie) headers.set("cookie", options.cookie);
  fakeRequest.headers = headers;
  fakeRequest.jar = new Map();
}

function cookieStore() {
  const parsed = new Map<string, string>();
  for (const part of (fakeRequest.headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name) parsed.set(name, rest.join("="));
  }
  return {
    get: (name: string) => {
      const value = fakeRequest.jar.get(name) ?? parsed.get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll: () => [...parsed].map(([name, value]) => ({ name, value })),
    has: (name: string) => parsed.has(name) || fakeRequest.jar.has(name),
    set: (name: string, value: string) => {
      fakeRequest.jar.set(name, value);
    },
    delete: (name: string) => {
      fakeRequest.jar.set(name, "");
    },
  };
}

export const nextHeaders = {
  headers: async () => fakeRequest.headers,
  cookies: async () => cookieStore(),
};

export const nextCache = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
};

/** What a thrown redirect()/forbidden() was: "redirect:<url>", "forbidden", or rethrows. */
export function interruptOf(error: unknown): string {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string") {
    if (digest.startsWith("NEXT_REDIRECT;")) return `redirect:${digest.split(";")[2]}`;
    if (digest.endsWith(";403")) return "forbidden";
    if (digest.endsWith(";401")) return "unauthorized";
  }
  throw error;
}

/** Runs an action or page function and says how it ended: "ok", "redirect:…" or "forbidden". */
export async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    return interruptOf(error);
  }
}
