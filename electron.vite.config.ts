import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// The Node-targeted entries share the "main" build: the Electron main process, the core
// (started by main as a utilityProcess), headless mode (the same core in plain Node), the
// relay's process (headless --relay) and the core's worker threads (document maintenance,
// checking an imported archive, local model inference).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          core: resolve('src/core/hosts/utilityProcess.ts'),
          headless: resolve('src/headless/index.ts'),
          relay: resolve('src/headless/relay/relayProcess.ts'),
          'maintenance-worker': resolve('src/core/docs/maintenanceWorker.ts'),
          'archive-worker': resolve('src/core/archive/unpackWorker.ts'),
          'inference-worker': resolve('src/core/models/inference/inferenceWorker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules or require other files.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: {
      // The dictionary package exports only a Node loader; the renderer bundles its files directly.
      alias: { '@dictionary-en': resolve('node_modules/dictionary-en') }
    },
    build: {
      // Nothing inlined as a data: URL: the CSP allows fonts and scripts from 'self' only, so an
      // inlined font subset (Oswald's Vietnamese one is under Vite's 4 KB limit) was refused.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
