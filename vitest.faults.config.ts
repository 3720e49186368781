import { defineConfig } from "vitest/config";

/**
 * The fault suite (`npm run test:faults`): real server, worker, Redis and SMTP processes that a
 * scenario breaks on purpose. Its files end in .fault.ts, so `npm test` never runs them; they run
 * one at a time, because each starts several processes on a 2-core machine and measures recovery.
 * TEST_DATABASE=postgresql runs them on PostgreSQL, like the main suite.
 */
export default defineConfig({
  test: {
    include: ["tests/faults/**/*.fault.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup-env.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    isolate: true,
    sequence: { hooks: "stack" },
  },
});
