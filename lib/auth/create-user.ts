import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { type AuditActor, type AuditOrigin, recordSecurityEvent } from "./audit.ts";
import { AccountInputError } from "./errors.ts";
import { passwordProblem } from "./password-rules.ts";
import { ROLES, type Role } from "./permissions.ts";

export const newUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "is not a valid email address" })),
  name: z.string().trim().min(1, { error: "must not be empty" }).max(200),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
});

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/**
 * Adds a user who signs in with email and password: the better-auth user row, its
 * credential account (scrypt hash), and a `user_created` audit row, in one transaction.
 */
export async function createUser(
  input: NewUser,
  by: { actor: AuditActor; origin?: AuditOrigin },
): Promise<{ id: string; email: string }> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "input");
    throw new AccountInputError(`${field}: ${issue?.message ?? "is invalid"}`, field);
  }
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountInputError(`password: ${problem}`, "password");
  const { email, name, role } = parsed.data;
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  try {
    await getDb().$transaction(async (tx) => {
      await tx.user.create({ data: { id, email, name, role, emailVerified: true } });
      await tx.account.create({
        data: {
          id: randomUUID(),
          accountId: id,
          providerId: "credential",
          userId: id,
          password: passwordHash,
        },
      });
      await recordSecurityEvent(
        "user_created",
        { actor: by.actor, target: { type: "user", id }, after: { email, name, role }, origin: by.origin },
        tx,
      );
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AccountInputError(`email: ${email} already has an account`, "email", "email_taken");
    }
    throw error;
  }
  return { id, email };
}
