import { type NextRequest, NextResponse } from "next/server";

/**
 * Tells pages which path was asked for (x-raqib-path), so requireUser() can send a signed-out
 * visitor to /sign-in?next=<that path>. Any client-sent value is overwritten.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-raqib-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|v1alpha1/|_next/|favicon.ico).*)"],
};
