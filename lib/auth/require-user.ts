import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getOptionalUser } from "./get-optional-user.ts";
import { can, type Permission } from "./permissions.ts";
import type { SessionUser } from "./session-user.ts";

export { getOptionalUser } from "./get-optional-user.ts";
export type { SessionUser } from "./session-user.ts";

/** The path being requested, which proxy.ts copies into a request header for us. */
async function currentPath(): Promise<string> {
  const path = (await headers()).get("x-raqib-path");
  return path?.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/**
 * For pages and server actions. Signed out → redirect to /sign-in?next=<this page>.
 * Signed in without `permission` → Next's forbidden(): the 403 page (app/forbidden.tsx),
 * status 403. Otherwise the user.
 */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getOptionalUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(await currentPath())}`);
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}
