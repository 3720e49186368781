#!/usr/bin/env node
// `prisma generate` for every schema this project ships, runnable where Prisma's native engines
// cannot be downloaded. `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY names an
// existing file and never runs it, so we point it at a placeholder unless the caller chose a real
// engine. Where engines can be downloaded, plain `npx prisma generate` works the same.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, "schema-engine-offline");
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

const schemas = ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"];
for (const schema of schemas) {
  const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
  const r = spawnSync(process.execPath, [prismaBin, "generate", "--schema", schema], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
