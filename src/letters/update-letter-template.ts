import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { db, transaction } from "../db.js";
import { DEFAULT_COORDINATION_TEMPLATE } from "./default-templates.js";

export const letterTemplateSchema = z.object({
  subject: z.string().trim().min(5, { message: "errors.too_short" }).max(300, { message: "errors.too_long" }),
  body: z.string().trim().min(20, { message: "errors.too_short" }).max(20_000, { message: "errors.too_long" }),
});

/** Administrators edit the coordination letter template; letters already sent keep their text. */
export async function updateLetterTemplate(input: z.output<typeof letterTemplateSchema>, userId: number) {
  return transaction(async (tx) => {
    const template = await tx.letterTemplate.upsert({
      where: { key: DEFAULT_COORDINATION_TEMPLATE.key },
      create: { ...DEFAULT_COORDINATION_TEMPLATE, ...input, updatedById: userId },
      update: { ...input, updatedById: userId },
    });
    await recordAuditEvent(tx, { actor: { kind: "user", userId }, action: "letter_template.updated", entityType: "letter_template", entityId: template.key, data: { subject: input.subject } });
    return template;
  });
}

/** The template in force (the default until an administrator saves one). */
export async function loadLetterTemplate() {
  return (await db.letterTemplate.findUnique({ where: { key: DEFAULT_COORDINATION_TEMPLATE.key } })) ?? DEFAULT_COORDINATION_TEMPLATE;
}
