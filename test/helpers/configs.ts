import { type MonitorConfig, MonitorSchema } from '../../kiosk-config/schema/monitor.js'
import {
  type SourceConfig,
  type SourceOf,
  SourceSchema,
  type SourceType,
} from '../../kiosk-config/schema/sources.js'

/** A monitor in Schmölln, as the tests assume unless they say otherwise. */
export function testMonitor(overrides: Partial<MonitorConfig> = {}): MonitorConfig {
  return MonitorSchema.parse({
    id: 'test-monitor',
    name: 'Schmölln',
    location: { lat: 50.895, lon: 12.356 },
    regionKey: '160775052043',
    ...overrides,
  })
}

/** A source config with the schema's defaults filled in, exactly as the loader would produce it. */
export function testSource<T extends SourceType>(
  type: T,
  fields: Record<string, unknown> & { url?: string },
): SourceOf<T> {
  const source: SourceConfig = SourceSchema.parse({
    id: `test-${type}`,
    url: 'http://127.0.0.1:9/feed',
    ...fields,
    type,
  })
  return source as SourceOf<T>
}
