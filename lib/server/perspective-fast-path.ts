import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { handlePerspectiveRequest } from "../perspective/handle-perspective-request.ts";
import { PerspectiveError, perspectiveErrorResponse } from "../perspective/perspective-error.ts";
import { MAX_BODY_BYTES } from "../perspective/read-json-body.ts";
import { SECURITY_HEADERS } from "./security-headers.ts";

const PATH = /^\/(?:api\/perspective\/)?v1alpha1\/([^/?#]+)(?:[?#]|$)/;

/**
 * The Perspective action a request is for (`comments:analyze`, …) when it is a POST to one of
 * the Perspective-compatible paths, else null. The same paths as the Next routes
 * app/v1alpha1/[action] and app/api/perspective/v1alpha1/[action].
 */
export function perspectiveAction(method: string | undefined, url: string | undefined): string | null {
  if (method !== "POST" || !url) return null;
  const match = PATH.exec(url);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The body, refusing more than the API accepts without holding it all first. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new PerspectiveError(400, `the request body is over ${MAX_BODY_BYTES} bytes`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const { key, value } of SECURITY_HEADERS) headers[key] = value;
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Answers a Perspective-compatible request straight from Node's HTTP server: the same handler
 * as the Next route (authentication, quota, scoring, storage, Perspective-shaped errors), minus
 * Next's routing and rendering machinery, which cost more per request than scoring a comment.
 */
export async function servePerspective(
  action: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const body = await readBody(req);
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method: "POST",
      headers,
      body: body.toString("utf8"),
    });
    await send(await handlePerspectiveRequest(action, request), res);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const perspective =
      error instanceof PerspectiveError
        ? error
        : new PerspectiveError(500, "Internal error; the server log has the details.");
    if (!(error instanceof PerspectiveError))
      console.error(`perspective ${action}: unexpected ${error instanceof Error ? error.name : "error"}`);
    await send(perspectiveErrorResponse(perspective), res);
  }
}
