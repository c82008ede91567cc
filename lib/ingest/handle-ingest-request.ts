import "server-only";
import { authenticateRequest, authenticationFailure } from "../auth/authenticate-request.ts";
import { actorLabel } from "../auth/session-user.ts";
import { classifierForStorage } from "../classification/classify-for-storage.ts";
import { getDb } from "../db/client.ts";
import { getPublishedLexicon } from "../lexicon/get-published-lexicon.ts";
import { ingestPrepared } from "./ingest-inputs.ts";
import { DEFAULT_MAX_INGEST_BYTES, RequestBodyError, readHttpIngest } from "./read-http-ingest.ts";

function maxBytes(): number {
  const configured = Number(process.env.RAQIB_INGEST_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_INGEST_BYTES;
}

const noStore = { "Cache-Control": "no-store" };

/**
 * POST /api/v1/ingest for API tokens with the `ingest` scope. Answers 200 with the ingest
 * summary, or 400 with the list of rejected inputs/rows and the summary of what still went in
 * (valid rows are stored even then), 413 for a body over the limit, 415 for an unknown type.
 */
export async function handleIngestRequest(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { scope: "ingest" });
  if (!auth.ok) return authenticationFailure(auth);
  let read: Awaited<ReturnType<typeof readHttpIngest>>;
  try {
    read = await readHttpIngest(request, maxBytes());
  } catch (error) {
    if (error instanceof RequestBodyError)
      return Response.json({ error: error.message }, { status: error.status, headers: noStore });
    throw error;
  }
  const sourceId = auth.actor.kind === "token" ? auth.actor.sourceId : null;
  const source = sourceId
    ? await getDb().source.findUnique({ where: { id: sourceId }, select: { name: true } })
    : null;
  const summary = await ingestPrepared(read.inputs, read.problems, ["HTTP POST /api/v1/ingest"], {
    actor: actorLabel(auth.actor),
    via: "http",
    classify: classifierForStorage((await getPublishedLexicon()).layered.compiled),
    defaultSource: source?.name,
  });
  if (summary.errors.length > 0) {
    const errors = summary.errors.map(({ input, line, reason }) => ({
      input,
      ...(line === undefined ? {} : { line }),
      reason,
    }));
    return Response.json(
      { error: `${summary.errors.length} input(s) or row(s) rejected`, errors, summary },
      { status: 400, headers: noStore },
    );
  }
  return Response.json({ summary }, { status: 200, headers: noStore });
}
