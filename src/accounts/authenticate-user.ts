import { db } from "../db.js";
import { DomainError } from "../http/errors.js";
import { toCurrentUser } from "./current-user.js";
import { verifyPassword } from "./passwords.js";

/**
 * Checks an email and password. The same error, and the same time spent, whether the account does
 * not exist, is inactive or the password is wrong: nothing reveals which accounts exist.
 */
export async function authenticateUser(input: { email: string; password: string }) {
  const user = await db.user.findUnique({ where: { email: input.email.trim().toLowerCase() } });
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid || !user.isActive) throw new DomainError("invalid_credentials");
  return toCurrentUser(user);
}
