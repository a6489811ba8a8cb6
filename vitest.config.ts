// Tests: colocated unit tests in src/, CLI, golden and subprocess tests in test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Subprocess tests start Node and load the vocabulary; a loaded CI machine needs more than the 5 s default.
    testTimeout: 30_000,
    // Set-up hooks build annotators (compromise, the lexicons, the models) and annotate the seeds once per file.
    hookTimeout: 60_000,
  },
});
