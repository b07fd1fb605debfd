// The Electron entry (package.json "main" → dist/main/electron/main.js).
import { app } from 'electron'
import { createLogger } from '../util/logger.js'
import { kioskAppOptions, runKioskApp } from './kiosk-app.js'

const log = createLogger()

// Electron shows a dialog for an uncaught error in the main process; on a street display no one
// could close it. Log instead: the window and its recovery keep running.
process.on('uncaughtException', (error) =>
  log.error({ error: error.message, stack: error.stack }, 'uncaught exception in the main process'),
)
process.on('unhandledRejection', (reason) =>
  log.error({ reason: String(reason) }, 'unhandled rejection in the main process'),
)

runKioskApp(kioskAppOptions(process.argv, process.env), log).catch((error: Error) => {
  log.fatal(
    { error: error.message, stack: error.stack },
    'the kiosk app could not start; exiting so its supervisor restarts it',
  )
  app.exit(1)
})
