import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { API_TOKEN_LIFETIME_MS } from "./lifetimes.js";
import { hashToken, randomToken } from "./tokens.js";

export const API_TOKEN_PREFIX = "pgh_";

/** Creates a bearer token for the JSON API. The token is shown once; only its hash is kept. */
export async function issueApiToken(userId: number, name: string, now = new Date()) {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = new Date(now.getTime() + API_TOKEN_LIFETIME_MS);
  const created = await transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), createdAt: now, expiresAt },
    });
    await recordAuditEvent(tx, { actor: { kind: "user", userId }, action: "api_token.issued", entityType: "user", entityId: userId, data: { tokenId: row.id, name }, at: now });
    return row;
  });
  return { id: created.id, token, expiresAt };
}
