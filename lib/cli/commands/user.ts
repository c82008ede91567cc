import { userInfo } from "node:os";
import { changeUserRole } from "../../auth/change-user-role.ts";
import { createUser } from "../../auth/create-user.ts";
import { AccountInputError } from "../../auth/errors.ts";
import { listUsers } from "../../auth/list-users.ts";
import { generatePassword } from "../../auth/password-rules.ts";
import { isRole, ROLES } from "../../auth/permissions.ts";
import { setUserActive } from "../../auth/set-user-active.ts";
import { getDb } from "../../db/client.ts";
import { parseCommandArgs } from "../args.ts";
import { type CliContext, CliError, type Command } from "../command.ts";
import { withDatabase } from "../with-database.ts";

const USAGE = `Usage:
  raqib user add --email E --role R [--name N] [--password-stdin]
  raqib user list
  raqib user set-role --email E --role R
  raqib user deactivate --email E
  raqib user reactivate --email E

Roles: ${ROLES.join(", ")}.
user add prints a random password once, unless --password-stdin reads one from standard input
(at least 10 characters), e.g. \`printf '%s' "$PW" | raqib user add --email a@b.org --role admin --password-stdin\`.
deactivate ends the user's sessions at once.`;

export function cliActor(): { label: string } {
  return { label: `cli:${userInfo().username}` };
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream)
    text += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
  return text.replace(/\r?\n$/, "");
}

function rethrow(error: unknown): never {
  if (error instanceof AccountInputError) throw new CliError(`user: ${error.message}`, 2);
  throw error;
}

async function userIdByEmail(email: string): Promise<string> {
  const user = await getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  if (!user) throw new CliError(`user: ${email}: no such user`, 2);
  return user.id;
}

function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new CliError(`user: --${name} is required (see 'raqib help user')`, 2);
  return value;
}

function requireRole(value: string | undefined) {
  const role = requireOption(value, "role");
  if (!isRole(role)) throw new CliError(`user: --role: '${role}' is not one of ${ROLES.join(", ")}`, 2);
  return role;
}

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs("user", args, {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    "password-stdin": { type: "boolean" },
  });
  const email = requireOption(values.email, "email");
  const role = requireRole(values.role);
  const fromStdin = values["password-stdin"] === true;
  const password = fromStdin ? await readStdin(ctx.stdin) : generatePassword();
  const name = values.name?.trim() || email.split("@")[0] || email;
  await withDatabase(ctx.env, async () => {
    await createUser({ email, name, role, password }, { actor: cliActor() }).catch(rethrow);
  });
  ctx.stdout.write(`Added ${email.trim().toLowerCase()} (${role}).\n`);
  if (!fromStdin) ctx.stdout.write(`Password (shown once): ${password}\n`);
  return 0;
}

async function list(ctx: CliContext): Promise<number> {
  const users = await withDatabase(ctx.env, () => listUsers());
  if (users.length === 0) {
    ctx.stdout.write("No users yet. Add one with: raqib user add --email E --role admin\n");
    return 0;
  }
  const width = Math.max(5, ...users.map((u) => u.email.length));
  ctx.stdout.write(`${"email".padEnd(width)}  role       status       name\n`);
  for (const u of users) {
    ctx.stdout.write(
      `${u.email.padEnd(width)}  ${u.role.padEnd(9)}  ${(u.active ? "active" : "deactivated").padEnd(11)}  ${u.name}\n`,
    );
  }
  return 0;
}

async function setRole(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs("user", args, { email: { type: "string" }, role: { type: "string" } });
  const email = requireOption(values.email, "email");
  const role = requireRole(values.role);
  await withDatabase(ctx.env, async () => {
    await changeUserRole(await userIdByEmail(email), role, { actor: cliActor() }).catch(rethrow);
  });
  ctx.stdout.write(`${email} is now ${role}.\n`);
  return 0;
}

async function setActive(args: string[], ctx: CliContext, active: boolean): Promise<number> {
  const { values } = parseCommandArgs("user", args, { email: { type: "string" } });
  const email = requireOption(values.email, "email");
  await withDatabase(ctx.env, async () => {
    await setUserActive(await userIdByEmail(email), active, { actor: cliActor() }).catch(rethrow);
  });
  ctx.stdout.write(`${email} is ${active ? "active again" : "deactivated; their sessions have ended"}.\n`);
  return 0;
}

export const userCommand: Command = {
  name: "user",
  summary: "add, list, re-role and deactivate users",
  usage: USAGE,
  async run(args, ctx) {
    const [sub, ...rest] = args;
    switch (sub) {
      case "add":
        return add(rest, ctx);
      case "list":
        return list(ctx);
      case "set-role":
        return setRole(rest, ctx);
      case "deactivate":
        return setActive(rest, ctx, false);
      case "reactivate":
        return setActive(rest, ctx, true);
      default:
        throw new CliError(
          `user: ${sub ? `unknown sub-command '${sub}'` : "missing sub-command"} (add, list, set-role, deactivate, reactivate)`,
          2,
        );
    }
  },
};
