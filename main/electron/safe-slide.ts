import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packagePath } from '../util/package-root.js'

/** The static template; shown as it is ("InfoMonitor") when no personalised copy can be written. */
export const SAFE_SLIDE_TEMPLATE = packagePath('main', 'electron', 'safe-slide.html')

/**
 * Writes the safe slide with the town's name into `dir` and returns its path. The slide has no
 * script, so the name goes in as escaped text now; on any failure the plain template is used.
 */
export function writeSafeSlide(dir: string, town: string, template = SAFE_SLIDE_TEMPLATE): string {
  try {
    const html = readFileSync(template, 'utf8').replace(
      /<!--town-->[\s\S]*?<!--\/town-->/,
      `<!--town-->${escapeHtml(town)}<!--/town-->`,
    )
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'safe-slide.html')
    writeFileSync(file, html)
    return file
  } catch {
    return template
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
