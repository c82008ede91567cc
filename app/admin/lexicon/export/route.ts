import { authenticateRequest, authenticationFailure } from "@/lib/auth/authenticate-request.ts";
import { can } from "@/lib/auth/permissions.ts";
import { getDraftLayer } from "@/lib/lexicon/get-draft.ts";
import { compileLayer, getLexiconVersion, getPublishedLexicon } from "@/lib/lexicon/get-published-lexicon.ts";
import { formatLexiconTsv } from "@/lib/lexicon/lexicon-tsv.ts";

export const dynamic = "force-dynamic";

/**
 * GET /admin/lexicon/export?version=published|draft|files|<hash>: the whole lexicon of that
 * version as one TSV file in the shipped format. Signed-in users who may see comments; the
 * draft only for admins.
 */
export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { permission: "comments:view" });
  if (!auth.ok) return authenticationFailure(auth);
  const version = new URL(request.url).searchParams.get("version") ?? "published";
  let layered: ReturnType<typeof compileLayer>;
  if (version === "draft") {
    if (auth.actor.kind !== "user" || !can(auth.actor.user.role, "lexicon:manage"))
      return Response.json({ error: "only admins may export the draft" }, { status: 403 });
    layered = compileLayer(await getDraftLayer());
  } else if (version === "published") layered = (await getPublishedLexicon()).layered;
  else if (/^(files|[0-9a-f]{12})$/.test(version)) {
    try {
      layered = await getLexiconVersion(version);
    } catch (error) {
      return Response.json(
        { error: error instanceof Error ? error.message : String(error) },
        { status: 404 },
      );
    }
  } else {
    return Response.json(
      {
        error: `version '${version.slice(0, 40)}' must be published, draft, files or a 12-character version hash`,
      },
      { status: 400 },
    );
  }
  const body = formatLexiconTsv(layered.compiled.entries);
  return new Response(body, {
    headers: {
      "Content-Type": "text/tab-separated-values; charset=utf-8",
      "Content-Disposition": `attachment; filename="raqib-lexicon-${layered.compiled.version}.tsv"`,
      "Cache-Control": "no-store",
    },
  });
}
