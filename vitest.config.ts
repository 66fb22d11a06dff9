import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles the renderer's rune modules (*.svelte.ts) so their state classes are tested as built:
  // for the browser, as the app runs them. (Node tests are Vite's server side, which would compile
  // them for server rendering: $state a plain field, $state.snapshot returning its argument.)
  // Components stay server-compiled, so a test can render them with svelte/server.
  plugins: [
    svelte({
      configFile: false,
      compilerOptions: { runes: true },
      dynamicCompileOptions: ({ filename }) =>
        /\.svelte\.[jt]s$/.test(filename) ? { generate: 'client' } : undefined,
    }),
  ],
  test: {
    include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
