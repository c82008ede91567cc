import { authenticateRequest, authenticationFailure } from "@/lib/auth/authenticate-request.ts";
import { actorLabel } from "@/lib/auth/session-user.ts";
import { parseExportOptions } from "@/lib/export/export-options.ts";
import { exportResponse } from "@/lib/export/export-response.ts";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/export?format=csv|jsonl|hf&<queue filters>&labelledOnly=yes&decidedOnly=yes&rows=comment|annotator
 * For API tokens with the `export` scope, or a signed-in admin (the export page's download).
 */
export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { permission: "export", scope: "export" });
  if (!auth.ok) return authenticationFailure(auth);
  const parsed = parseExportOptions(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return Response.json(
      { error: "invalid export parameters", problems: parsed.problems },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const { actor } = auth;
  return exportResponse(parsed.options, {
    actor:
      actor.kind === "user"
        ? { userId: actor.user.id, label: actorLabel(actor) }
        : { tokenId: actor.tokenId, label: actorLabel(actor) },
    viewerId: actor.kind === "user" ? actor.user.id : null,
    via: "http",
    origin: {
      ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
      userAgent: request.headers.get("user-agent"),
    },
  });
}
