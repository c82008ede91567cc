import { ROLES, type Role } from "./permissions.ts";

export const DEMO_ACCOUNTS_FILE = "demo-accounts.txt";

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

/** Reads demo-accounts.txt back (the e2e tests sign in with it). */
export function parseDemoAccounts(text: string): DemoAccount[] {
  return text
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [role, email, password] = line.trim().split(/\s+/);
      if (!role || !email || !password || !ROLES.includes(role as Role)) {
        throw new Error(`demo-accounts.txt: unreadable line '${line}'`);
      }
      return { role: role as Role, email, password };
    });
}
