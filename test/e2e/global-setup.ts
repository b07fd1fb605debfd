import { existsSync } from 'node:fs'
import { packagePath } from '../../main/util/package-root.js'
import { ensureAdminPageBuilt } from '../helpers/renderer-build.js'

/**
 * Before any end-to-end test: the pages in dist/renderer are built from the sources as they are
 * now. One Vite build makes both the kiosk and the admin page, rebuilt when older than
 * renderer/ or contracts/; once here, so no test rebuilds dist/ under another one's feet.
 */
export function setup(): void {
  ensureAdminPageBuilt()
  const kiosk = packagePath('dist', 'renderer', 'index.html')
  if (!existsSync(kiosk)) throw new Error(`${kiosk} is missing after the build`)
}
