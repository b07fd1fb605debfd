import type { SourceType } from '../kiosk-config/schema/sources.js'
import { brightskySource } from './brightsky/brightsky-source.js'
import { csvSource } from './csv/csv-source.js'
import { geojsonSource } from './geojson/geojson-source.js'
import { icalSource } from './ical/ical-source.js'
import { jsonldSource } from './jsonld/jsonld-source.js'
import { ninaSource } from './nina/nina-source.js'
import { rssSource } from './rss/rss-source.js'
import type { SourceAdapter } from './source-adapter.js'

const ADAPTERS: { [T in SourceType]: SourceAdapter<T> } = {
  rss: rssSource,
  ical: icalSource,
  geojson: geojsonSource,
  csv: csvSource,
  nina: ninaSource,
  brightsky: brightskySource,
  jsonld: jsonldSource,
}

export function adapterFor<T extends SourceType>(type: T): SourceAdapter<T> {
  return ADAPTERS[type]
}
