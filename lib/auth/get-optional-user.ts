import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { findSessionUser } from "./find-session-user.ts";
import type { SessionUser } from "./session-user.ts";

/** The signed-in user for this request (pages, layouts, server actions), or null. One lookup per request. */
export const getOptionalUser = cache(async (): Promise<SessionUser | null> => {
  return findSessionUser(new Headers(await headers()));
});
