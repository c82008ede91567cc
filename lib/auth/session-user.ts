import type { Role, TokenScope } from "./permissions.ts";

/** The signed-in person, as pages, actions and route handlers see them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Who is calling a route handler: a signed-in user (cookie) or an API token (bearer). */
export type Actor =
  | { kind: "user"; user: SessionUser }
  | {
      kind: "token";
      tokenId: string;
      name: string;
      scopes: TokenScope[];
      sourceId?: number | null;
    };

/** How an actor is named in audit rows and ingest runs. */
export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.user.email : `token:${actor.name}`;
}
