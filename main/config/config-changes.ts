import { isMap, parseDocument } from 'yaml'
import type { KioskConfig } from '../../kiosk-config/schema/kiosk-config.js'
import type { AdminToken } from '../../kiosk-config/schema/services.js'

/**
 * The settings two configs differ in, as paths IT can read in the audit log: `display.hours`,
 * `sources[stadt-news].url`, `sources[+wetter]` (added), `sources[-baustellen]` (removed).
 * Token entries are named by their name only, never by hash.
 */
export function configChanges(before: KioskConfig, after: KioskConfig): string[] {
  const changes: string[] = []
  for (const section of Object.keys({ ...before, ...after }) as (keyof KioskConfig)[]) {
    if (section === 'sources') continue
    const a = before[section] as Record<string, unknown> | undefined
    const b = after[section] as Record<string, unknown> | undefined
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object') {
      changes.push(section)
      continue
    }
    for (const key of Object.keys({ ...a, ...b })) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changes.push(`${section}.${key}`)
    }
  }
  const oldSources = new Map(before.sources.map((source) => [source.id, source]))
  const newSources = new Map(after.sources.map((source) => [source.id, source]))
  for (const [id, source] of newSources) {
    const old = oldSources.get(id)
    if (!old) changes.push(`sources[+${id}]`)
    else {
      for (const key of Object.keys({ ...old, ...source }) as (keyof typeof source)[]) {
        if (JSON.stringify(old[key]) !== JSON.stringify(source[key]))
          changes.push(`sources[${id}].${String(key)}`)
      }
    }
  }
  for (const id of oldSources.keys()) if (!newSources.has(id)) changes.push(`sources[-${id}]`)
  return changes
}

/**
 * Display power commands run as shell commands on the device. A pushed config may change them
 * (or the switch that allows it) only when the running config says `admin.allowRemoteCommands`.
 */
export function remoteCommandProblems(
  running: KioskConfig,
  next: KioskConfig,
): { path: string; message: string }[] {
  if (running.admin.allowRemoteCommands) return []
  const problems: { path: string; message: string }[] = []
  for (const key of ['powerOn', 'powerOff'] as const) {
    if (running.display[key] !== next.display[key]) {
      problems.push({
        path: `display.${key}`,
        message:
          'shell commands can only be changed in the config file on the device (or set admin.allowRemoteCommands: true there first)',
      })
    }
  }
  if (next.admin.allowRemoteCommands) {
    problems.push({
      path: 'admin.allowRemoteCommands',
      message: 'can only be switched on in the config file on the device',
    })
  }
  return problems
}

/**
 * An earlier config text with today's tokens: a rollback restores settings, never credentials
 * that were revoked since (nor does it revoke ones added since).
 */
export function withTokens(text: string, format: 'yaml' | 'json', tokens: readonly AdminToken[]): string {
  if (format === 'json') {
    const object = JSON.parse(text) as { admin?: { tokens?: unknown } }
    object.admin = { ...(object.admin ?? {}), tokens }
    return `${JSON.stringify(object, null, 2)}\n`
  }
  const document = parseDocument(text)
  if (!isMap(document.get('admin'))) document.set('admin', document.createNode({}))
  document.setIn(['admin', 'tokens'], document.createNode(tokens))
  return document.toString()
}
