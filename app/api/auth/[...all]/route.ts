import { getAuth } from "@/lib/auth/auth-server.ts";
import { crossSiteRefusal } from "@/lib/auth/cross-site-refusal.ts";
import { requestProtocol } from "@/lib/auth/request-origin.ts";

export const dynamic = "force-dynamic";

/**
 * The better-auth endpoints Raqib uses, and only those: everything else better-auth offers
 * (sign-up, account linking, session listing …) answers 404.
 */
const ENDPOINTS: Record<string, readonly string[]> = {
  "/sign-in/email": ["POST"],
  "/sign-out": ["POST"],
  "/get-session": ["GET"],
  "/change-password": ["POST"],
};

/** Session tokens live in the httpOnly cookie only; never hand them to scripts in a body. */
async function withoutSessionTokens(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const body: unknown = await response.json();
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    delete record.token;
    const session = record.session;
    if (session && typeof session === "object") delete (session as Record<string, unknown>).token;
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  const methods = ENDPOINTS[path];
  if (!methods?.includes(request.method)) {
    return Response.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  // better-auth checks Origin too; this also covers sign-in itself (login CSRF).
  const refusal = crossSiteRefusal(request);
  if (refusal)
    return Response.json({ error: refusal }, { status: 403, headers: { "Cache-Control": "no-store" } });
  const response = await getAuth(requestProtocol(request.headers, request.url)).handler(request);
  return withoutSessionTokens(response);
}

export const GET = handle;
export const POST = handle;
