// `npm start`: the monitor on the bundled demo config. `infomonitor start --shell auto` picks the
// shell: Electron when its binary is installed (checked on disk, so Electron's lazy download
// never starts), else system Chromium, else none (the core alone; it prints the player URL to
// open in any browser). Arguments after `npm start --` are passed on, e.g.
//   npm start -- --shell chromium --headless      npm start -- --config my-town.yaml
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../bin/infomonitor.mjs', import.meta.url))
const args = process.argv.slice(2)
const shellGiven = args.some((arg) => arg === '--shell' || arg.startsWith('--shell='))
let child

// Ctrl+C reaches the whole process group; the CLI stops shell and core itself. Pass a signal
// sent to this script alone on to it, and wait for it either way.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}
child = spawn(process.execPath, [cli, 'start', ...(shellGiven ? [] : ['--shell', 'auto']), ...args], {
  stdio: 'inherit',
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
