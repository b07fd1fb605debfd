#!/usr/bin/env node
// The installed CLI runs the compiled core in dist/ (built by `npm ci` through the prepare
// script). INFOMONITOR_FROM_SOURCE=1 runs the TypeScript sources instead, for development.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const compiled = new URL('../dist/main/cli/main.js', import.meta.url)
if (process.env.INFOMONITOR_FROM_SOURCE === '1' || !existsSync(fileURLToPath(compiled))) {
  try {
    const { register } = await import('tsx/esm/api')
    register()
  } catch {
    console.error('infomonitor: dist/ is missing and tsx is not installed; run `npm run build` first.')
    process.exit(2)
  }
  await import('../main/cli/main.ts')
} else {
  await import(compiled.href)
}
