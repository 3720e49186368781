import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root, found from this file's location so that the same code works from `src/`
 * (tsx, vitest) and from `dist/src/` (the built server).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, here.split(path.sep).includes("dist") ? "../.." : "..");

export const viewsDir = path.join(projectRoot, "views");
export const publicDir = path.join(projectRoot, "public");
export const localesDir = path.join(projectRoot, "locales");
/** SQLite and PostgreSQL keep separate migration histories (Prisma cannot share one). */
export const migrationsDirs = { sqlite: path.join(projectRoot, "prisma", "migrations"), postgresql: path.join(projectRoot, "prisma", "postgresql", "migrations") } as const;
