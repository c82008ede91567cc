import "server-only";
import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CliContext } from "../cli/command.ts";
import { getDb } from "../db/client.ts";
import { createUser } from "./create-user.ts";
import { DEMO_ACCOUNTS_FILE, type DemoAccount } from "./demo-accounts-file.ts";
import { generatePassword } from "./password-rules.ts";
import { ROLES, type Role } from "./permissions.ts";

const DEMO_NAMES: Record<Role, string> = {
  admin: "Demo admin",
  moderator: "Demo moderator",
  analyst: "Demo analyst",
};

/**
 * On a first start (no user yet): one account per role with a random password, printed once
 * and written to `<dataDir>/demo-accounts.txt` (mode 0600). Returns null when users exist.
 */
export async function createDemoAccounts(
  ctx: Pick<CliContext, "stdout">,
  dataDir: string,
): Promise<DemoAccount[] | null> {
  if ((await getDb().user.count()) > 0) return null;
  const accounts: DemoAccount[] = [];
  for (const role of ROLES) {
    const account = { role, email: `${role}@raqib.local`, password: generatePassword() };
    await createUser(
      { email: account.email, name: DEMO_NAMES[role], role, password: account.password },
      { actor: { label: "raqib start (demo accounts)" } },
    );
    accounts.push(account);
  }
  const path = join(dataDir, DEMO_ACCOUNTS_FILE);
  const lines = accounts.map((a) => `${a.role.padEnd(10)} ${a.email.padEnd(24)} ${a.password}`);
  const text = [
    "# Raqib demo accounts, created on the first start. Change or deactivate them before real use.",
    "# role      email                    password",
    ...lines,
    "",
  ].join("\n");
  await writeFile(path, text, { mode: 0o600 });
  await chmod(path, 0o600);
  ctx.stdout.write(
    [
      "",
      "Demo accounts (shown once; also saved to a file only you can read):",
      ...lines.map((line) => `  ${line}`),
      `  saved in ${path}`,
      "",
    ].join("\n"),
  );
  return accounts;
}
