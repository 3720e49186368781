import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup-env.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Each file gets its own database copy and its own module graph (config is parsed per file).
    isolate: true,
    sequence: { hooks: "stack" },
  },
});
