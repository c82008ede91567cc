import { handlePerspectiveRequest } from "@/lib/perspective/handle-perspective-request.ts";

export const dynamic = "force-dynamic";

/**
 * Perspective API's own paths (`/v1alpha1/comments:analyze`, `/v1alpha1/comments:suggestscore`):
 * a comment system that lets its admin set Perspective's endpoint points it at `<raqib>/v1alpha1`.
 * The colon is part of the one dynamic segment, so no rewrite is needed.
 */
export async function POST(
  request: Request,
  context: { params: Promise<{ action: string }> },
): Promise<Response> {
  const { action } = await context.params;
  return handlePerspectiveRequest(decodeURIComponent(action), request);
}
