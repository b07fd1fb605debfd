/**
 * Amtlicher Regionalschlüssel (ARS, 12 digits): Land(2) + Regierungsbezirk(1) + Kreis(2) +
 * Gemeindeverband(4) + Gemeinde(3). A code whose lower levels are all zeros stands for the whole
 * unit above them: 160770000000 is the Landkreis Altenburger Land, 160000000000 all of Thuringia.
 */
const LEVEL_ENDS = [2, 3, 5, 9, 12] as const
const CITY_STATES = new Set(['02', '11'])

/**
 * The key of the NINA dashboard that lists warnings for the monitor's district. The dashboard only
 * answers at Kreis level; Hamburg (02) and Berlin (11) have no Kreise and use the Land key.
 */
export function dashboardKey(regionKey: string): string {
  const land = regionKey.slice(0, 2)
  if (CITY_STATES.has(land)) return `${land}0000000000`
  return `${regionKey.slice(0, 5)}0000000`
}

/**
 * Whether a warning addressed to `code` (one entry of warnVerwaltungsbereiche) reaches the place
 * `regionKey`. Trailing zeros are wildcards only at level boundaries, so Saarland's 100000000000
 * does not swallow Berlin's 11… and a Gemeinde ending in 0 is still matched exactly.
 */
export function coversRegion(code: string, regionKey: string): boolean {
  if (!isRegionKey(code)) return false
  const end = LEVEL_ENDS.find((level) => /^0*$/.test(code.slice(level))) ?? 12
  return regionKey.startsWith(code.slice(0, end))
}

export function isRegionKey(value: string): boolean {
  return /^\d{12}$/.test(value)
}
