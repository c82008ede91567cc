import { authenticateRequest, authenticationFailure } from "@/lib/auth/authenticate-request.ts";
import { PERMISSIONS } from "@/lib/auth/permissions.ts";

export const dynamic = "force-dynamic";

/** Who the caller is: lets a CMS check its token, or a script its session. */
export async function GET(request: Request): Promise<Response> {
  const result = await authenticateRequest(request, {});
  if (!result.ok) return authenticationFailure(result);
  const { actor } = result;
  const body =
    actor.kind === "user"
      ? {
          kind: "user",
          email: actor.user.email,
          name: actor.user.name,
          role: actor.user.role,
          permissions: PERMISSIONS[actor.user.role],
        }
      : { kind: "token", name: actor.name, scopes: actor.scopes, sourceId: actor.sourceId ?? null };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
