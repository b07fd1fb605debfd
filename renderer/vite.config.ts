import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'
import { previewUnits } from './admin/build/preview-units.js'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * Builds the kiosk page (/) and the admin page (/admin/) into dist/renderer. Relative asset
 * paths let either server mount them; no inline script, style or data: URL is emitted, so the
 * strict CSP (script-src 'self', no 'unsafe-inline') holds.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [preact(), previewUnits()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { kiosk: `${root}index.html`, admin: `${root}admin/index.html` },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/media', '/qr'].map((path) => [
        path,
        process.env.INFOMONITOR_PLAYER ?? 'http://127.0.0.1:8080',
      ]),
    ),
  },
})
