import { IANAZone } from 'luxon'
import { WINDOWS_TO_IANA_MAP } from 'windows-iana'

// CLDR's "001" row is the zone Windows itself means by the name (W. Europe → Europe/Berlin).
const WINDOWS_ZONES = new Map(
  WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001').map((entry) => [
    entry.windowsName.toLowerCase(),
    entry.iana[0],
  ]),
)

/**
 * The IANA zone a TZID names, when it names one: an IANA name itself, an IANA name behind a
 * libical or Mozilla prefix (`/freeassociation.sourceforge.net/Tzfile/Europe/Berlin`), or a
 * Windows zone as Outlook and Exchange write it (`W. Europe Standard Time`).
 */
export function ianaZoneFor(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"(.*)"$/, '$1')
  if (name === '') return undefined
  if (IANAZone.isValidZone(name)) return name
  const parts = name.split('/')
  for (let start = 1; start < parts.length - 1; start++) {
    const candidate = parts.slice(start).join('/')
    if (/^[A-Za-z]/.test(candidate) && IANAZone.isValidZone(candidate)) return candidate
  }
  return WINDOWS_ZONES.get(name.toLowerCase())
}
