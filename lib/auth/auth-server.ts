import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "../db/client.ts";
import { recordSecurityEvent } from "./audit.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";
import { auditOrigin, clientIp } from "./request-origin.ts";
import { checkSignInThrottle } from "./sign-in-throttle.ts";

const EMAIL_SHAPE = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

/** Session lifetime: a working week, renewed at most once a day while in use. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;

function authSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error(
      "BETTER_AUTH_SECRET is not set (or shorter than 32 characters): start Raqib with `raqib start`, which generates one in the data directory",
    );
  }
  return secret;
}

function headersOf(ctx: { headers?: Headers; request?: Request }): Headers {
  return ctx.headers ?? ctx.request?.headers ?? new Headers();
}

function buildAuth(protocol: "http" | "https") {
  const db = getDb();
  const configuredUrl = process.env.BETTER_AUTH_URL;
  return betterAuth({
    appName: "Raqib",
    secret: authSecret(),
    // The base URL comes from BETTER_AUTH_URL, else from each request's Host; the scheme is
    // fixed per instance so that cookies carry `Secure` exactly when served over HTTPS.
    baseURL: configuredUrl ? configuredUrl : { allowedHosts: ["*"], protocol },
    basePath: "/api/auth",
    database: prismaAdapter(db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Admins create accounts (pages, CLI); nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: SESSION_SECONDS,
      updateAge: 24 * 60 * 60,
      // No cookie cache: every request reads the session row, so deleting it ends it at once.
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: ["admin", "moderator", "analyst"], required: true, input: false },
        active: { type: "boolean", required: true, defaultValue: true, input: false },
        deactivatedAt: { type: "date", required: false, input: false },
      },
    },
    rateLimit: {
      // better-auth's per-address limiter, on in every environment; the audit-log throttle in
      // hooks.before is the per-account brake.
      enabled: true,
      storage: "memory",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: 30 },
        "/change-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: "raqib",
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true, path: "/" },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account gets no new session, whichever way it asks.
          async before(session) {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { active: true },
            });
            return Boolean(user?.active);
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const body = (ctx.body ?? {}) as { email?: unknown };
        const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
        const headers = headersOf(ctx);
        const decision = await checkSignInThrottle(email, clientIp(headers));
        if (!decision.allowed) {
          await recordSecurityEvent("sign_in_throttled", {
            actor: { label: EMAIL_SHAPE.test(email) ? email : null },
            after: { retryAfterSeconds: decision.retryAfterSeconds },
            origin: auditOrigin(headers),
          });
          throw new APIError(
            "TOO_MANY_REQUESTS",
            {
              code: "TOO_MANY_ATTEMPTS",
              message: `Too many failed sign-in attempts. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minute(s).`,
              retryAfterSeconds: decision.retryAfterSeconds,
            },
            { "Retry-After": String(decision.retryAfterSeconds) },
          );
        }
        return { context: { body: { ...body, email } } };
      }),
      after: createAuthMiddleware(async (ctx) => {
        const headers = headersOf(ctx);
        if (ctx.path === "/sign-in/email") {
          const typed = String((ctx.body as { email?: unknown } | undefined)?.email ?? "");
          // Someone who types their password into the email field must not find it in the log.
          const email = EMAIL_SHAPE.test(typed) ? typed : "";
          const returned = ctx.context.returned;
          if (isAPIError(returned)) {
            const user = email
              ? await db.user.findUnique({ where: { email }, select: { id: true, active: true } })
              : null;
            const deactivated = returned.body?.code === "FAILED_TO_CREATE_SESSION" && user?.active === false;
            await recordSecurityEvent("sign_in_failed", {
              actor: { label: email || null },
              target: user ? { type: "user", id: user.id } : null,
              after: { reason: deactivated ? "deactivated" : "invalid_credentials" },
              origin: auditOrigin(headers),
            });
            if (deactivated) {
              // Only reached with the right password, so saying why reveals nothing to a guesser.
              // better-auth keeps the endpoint's status (401); the code tells the form what to say.
              throw new APIError("UNAUTHORIZED", {
                code: "ACCOUNT_DEACTIVATED",
                message: "This account has been deactivated. Ask an administrator.",
              });
            }
            return;
          }
          const user = ctx.context.newSession?.user;
          if (user) {
            await recordSecurityEvent("sign_in", {
              actor: { userId: user.id, label: user.email },
              target: { type: "user", id: user.id },
              origin: auditOrigin(headers),
            });
          }
          return;
        }
        if (ctx.path === "/change-password" && !isAPIError(ctx.context.returned)) {
          const user = ctx.context.session?.user;
          if (user) {
            await recordSecurityEvent("password_changed", {
              actor: { userId: user.id, label: user.email },
              target: { type: "user", id: user.id },
              origin: auditOrigin(headers),
            });
          }
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type RaqibAuth = ReturnType<typeof buildAuth>;

const instances = new WeakMap<object, Map<"http" | "https", RaqibAuth>>();

/**
 * better-auth for the current database, one instance per scheme (cookie flags are fixed when
 * an instance is built). Built on first use, not at import: `next build` loads this module.
 */
export function getAuth(protocol: "http" | "https"): RaqibAuth {
  const db = getDb();
  let byProtocol = instances.get(db);
  if (!byProtocol) {
    byProtocol = new Map();
    instances.set(db, byProtocol);
  }
  let auth = byProtocol.get(protocol);
  if (!auth) {
    auth = buildAuth(protocol);
    byProtocol.set(protocol, auth);
  }
  return auth;
}
