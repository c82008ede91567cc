import { createApiToken } from "../../auth/create-api-token.ts";
import { AccountInputError } from "../../auth/errors.ts";
import { listApiTokens } from "../../auth/list-api-tokens.ts";
import { isTokenScope, TOKEN_SCOPES, type TokenScope } from "../../auth/permissions.ts";
import { revokeApiToken } from "../../auth/revoke-api-token.ts";
import { parseCommandArgs } from "../args.ts";
import { type CliContext, CliError, type Command } from "../command.ts";
import { withDatabase } from "../with-database.ts";
import { cliActor } from "./user.ts";

const USAGE = `Usage:
  raqib token create --scope S [--scope S …] --name N [--source ID]
  raqib token list
  raqib token revoke <id>

Scopes: ${TOKEN_SCOPES.join(", ")} (repeat --scope, or separate with commas).
token create prints the token alone on standard output, once; only its hash is stored.
Callers send it as \`Authorization: Bearer <token>\`.`;

function rethrow(error: unknown): never {
  if (error instanceof AccountInputError) throw new CliError(`token: ${error.message}`, 2);
  throw error;
}

async function create(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs("token", args, {
    scope: { type: "string", multiple: true },
    name: { type: "string" },
    source: { type: "string" },
  });
  if (!values.name) throw new CliError("token: --name is required (see 'raqib help token')", 2);
  const scopes = (values.scope ?? []).flatMap((s) => s.split(",")).map((s) => s.trim());
  if (scopes.length === 0) throw new CliError(`token: --scope is required (${TOKEN_SCOPES.join(", ")})`, 2);
  const unknown = scopes.find((s) => !isTokenScope(s));
  if (unknown) throw new CliError(`token: --scope: '${unknown}' is not one of ${TOKEN_SCOPES.join(", ")}`, 2);
  let sourceId: number | null = null;
  if (values.source !== undefined) {
    sourceId = Number(values.source);
    if (!Number.isSafeInteger(sourceId) || sourceId <= 0) {
      throw new CliError(`token: --source: '${values.source}' is not a source id`, 2);
    }
  }
  const created = await withDatabase(ctx.env, () =>
    createApiToken(
      { name: values.name ?? "", scopes: scopes as TokenScope[], sourceId },
      { actor: cliActor() },
    ).catch(rethrow),
  );
  ctx.stderr.write(
    `Created token '${created.name}' (${created.scopes.join(", ")}), id ${created.id}. It is shown once:\n`,
  );
  ctx.stdout.write(`${created.token}\n`);
  return 0;
}

async function list(ctx: CliContext): Promise<number> {
  const tokens = await withDatabase(ctx.env, () => listApiTokens());
  if (tokens.length === 0) {
    ctx.stdout.write("No API tokens. Create one with: raqib token create --scope ingest --name my-cms\n");
    return 0;
  }
  for (const t of tokens) {
    const status = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active";
    const used = t.lastUsedAt ? t.lastUsedAt.toISOString() : "never";
    ctx.stdout.write(
      `${t.id}  ${t.prefix}…  ${t.name}  [${t.scopes.join(",")}]  last used ${used}  ${status}\n`,
    );
  }
  return 0;
}

async function revoke(args: string[], ctx: CliContext): Promise<number> {
  const id = args[0];
  if (!id) throw new CliError("token: give the id of the token to revoke (see 'raqib token list')", 2);
  await withDatabase(ctx.env, () => revokeApiToken(id, { actor: cliActor() }).catch(rethrow));
  ctx.stdout.write(`Revoked token ${id}.\n`);
  return 0;
}

export const tokenCommand: Command = {
  name: "token",
  summary: "create, list and revoke API tokens",
  usage: USAGE,
  async run(args, ctx) {
    const [sub, ...rest] = args;
    switch (sub) {
      case "create":
        return create(rest, ctx);
      case "list":
        return list(ctx);
      case "revoke":
        return revoke(rest, ctx);
      default:
        throw new CliError(
          `token: ${sub ? `unknown sub-command '${sub}'` : "missing sub-command"} (create, list, revoke)`,
          2,
        );
    }
  },
};
