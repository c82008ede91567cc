"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { recordSecurityEvent } from "./audit.ts";
import { getAuth } from "./auth-server.ts";
import { getOptionalUser } from "./get-optional-user.ts";
import { auditOrigin, requestProtocol } from "./request-origin.ts";

/** Ends this browser's session (the row and the cookie) and goes to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const requestHeaders = new Headers(await headers());
  const user = await getOptionalUser();
  if (user) {
    await getAuth(requestProtocol(requestHeaders)).api.signOut({ headers: requestHeaders });
    await recordSecurityEvent("sign_out", {
      actor: { userId: user.id, label: user.email },
      target: { type: "user", id: user.id },
      origin: auditOrigin(requestHeaders),
    });
  }
  redirect("/sign-in");
}
