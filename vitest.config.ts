import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    // Build, browser and database tests run real Eleventy, Chromium and Postgres.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: files that build sites or start browsers would starve each other in parallel.
    fileParallelism: false,
  },
});
