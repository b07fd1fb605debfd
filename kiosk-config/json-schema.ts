import { z } from 'zod'
import { KioskConfigSchema } from './schema/kiosk-config.js'

/**
 * The JSON Schema editors use to autocomplete and check a config (YAML via the
 * yaml-language-server comment, JSON via `$schema`). It describes the input: defaults are optional.
 */
export function kioskConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(KioskConfigSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  })
  return {
    ...schema,
    $id: 'https://infomonitor.example/schema/kiosk-config.schema.json',
    title: 'InfoMonitor kiosk config',
  }
}
