import { db } from "../db.js";
import { DEFAULT_COORDINATION_TEMPLATE } from "./default-templates.js";

/** Installs the default coordination letter template once; never overwrites an administrator's edits. */
export async function seedLetterTemplates() {
  const existing = await db.letterTemplate.findUnique({ where: { key: DEFAULT_COORDINATION_TEMPLATE.key }, select: { key: true } });
  if (existing) return { templatesCreated: 0 };
  await db.letterTemplate.create({ data: DEFAULT_COORDINATION_TEMPLATE });
  return { templatesCreated: 1 };
}
