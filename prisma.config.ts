// Used by the standard Prisma CLI (`npx prisma ...`) on machines that can download Prisma's native
// engines. On machines that cannot, use the scripts in prisma/offline/ (see its README).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/penghubung.db" },
});
