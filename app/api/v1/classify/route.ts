import { handleClassifyRequest } from "@/lib/classification/handle-classify-request.ts";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleClassifyRequest(request);
}
