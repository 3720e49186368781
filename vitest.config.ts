import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup-env.ts"],
    pool: "forks",
    // Vitest's default is one worker per core minus one: a single worker on a 2-core machine. Many
    // files spend their time waiting on other processes (Chromium, a server, Redis, PostgreSQL), so
    // one more worker than cores keeps both cores busy.
    maxWorkers: os.availableParallelism() + 1,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Each file gets its own database copy and its own module graph (config is parsed per file).
    isolate: true,
    sequence: { hooks: "stack" },
  },
});
