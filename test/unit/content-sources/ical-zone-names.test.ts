import { describe, expect, it } from 'vitest'
import { ianaZoneFor } from '../../../content-sources/ical/zone-names.js'

describe('ianaZoneFor', () => {
  it('keeps IANA names', () => {
    expect(ianaZoneFor('Europe/Berlin')).toBe('Europe/Berlin')
    expect(ianaZoneFor('UTC')).toBe('UTC')
  })

  it('maps Windows zone names as Outlook and Exchange write them', () => {
    expect(ianaZoneFor('W. Europe Standard Time')).toBe('Europe/Berlin')
    expect(ianaZoneFor('Romance Standard Time')).toBe('Europe/Paris')
    expect(ianaZoneFor('w. europe standard time')).toBe('Europe/Berlin')
    expect(ianaZoneFor('"W. Europe Standard Time"')).toBe('Europe/Berlin')
  })

  it('finds the IANA name behind libical and Mozilla prefixes', () => {
    expect(ianaZoneFor('/freeassociation.sourceforge.net/Tzfile/Europe/Berlin')).toBe('Europe/Berlin')
    expect(ianaZoneFor('/mozilla.org/20050126_1/Europe/Berlin')).toBe('Europe/Berlin')
  })

  it('knows nothing of made-up names', () => {
    expect(ianaZoneFor('Nowhere/Middle')).toBeUndefined()
    expect(ianaZoneFor('Mitteleuropa')).toBeUndefined()
    expect(ianaZoneFor('')).toBeUndefined()
  })
})
