// Runs on `npm ci` / `npm install`: builds the core and the renderer so `npx infomonitor`
// works at once, and tries to fetch Electron's binary where the network allows it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('node_modules/typescript') || !existsSync('node_modules/vite')) {
  console.log('prepare: build tools not installed (production install?); using the prebuilt dist/.')
  process.exit(0)
}

const build = spawnSync('npm', ['run', 'build', '--silent'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
if (build.status !== 0) process.exit(build.status ?? 1)

// Electron downloads its binary lazily; fetch it now where possible, never fail the install.
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1' && existsSync('node_modules/electron/install.js')) {
  const electron = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
  })
  console.log(
    electron.status === 0
      ? 'prepare: Electron binary present.'
      : 'prepare: Electron binary not available here (offline?); `npm start` will use system Chromium or print the player URL.',
  )
}
