import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request.ts";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request);
}
