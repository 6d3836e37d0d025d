/** Benchmarks that live in bench/ (run: npx vitest bench --run --config bench/vitest.config.ts). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { benchmark: { include: ['bench/**/*.bench.ts'] } },
});
