import { db } from "../db.js";

/** Staff accounts for the administrator's list, with their Pemda. */
export function listUsers() {
  return db.user.findMany({
    orderBy: [{ isActive: "desc" }, { role: "asc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, office: true, isActive: true, lastLoginAt: true, passwordHash: true, region: { select: { code: true, name: true } } },
  }).then((users) => users.map(({ passwordHash, ...user }) => ({ ...user, hasPassword: passwordHash !== null })));
}
