import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packing and type-checking generated packages takes seconds on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
