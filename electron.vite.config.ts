import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const __dirname = dirname(fileURLToPath(import.meta.url));

// Five Node entries share one main build (externalised node_modules, ESM): the Electron main
// process, the engine process and its member workers, the browser-mode server and the CLI. The
// preload is CommonJS so the window can run with `sandbox: true`.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          main: resolve(__dirname, 'src-main/electron/main.ts'),
          engine: resolve(__dirname, 'src-main/engine/process/engineMain.ts'),
          memberWorker: resolve(__dirname, 'src-main/engine/process/memberWorkerMain.ts'),
          server: resolve(__dirname, 'src-main/server/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(__dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.js') })],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
