import type ICAL from 'ical.js'

/**
 * Property access that never throws: ical.js decodes values lazily and throws on a malformed one
 * (`GEO:abc`), which should cost the property, not the event. An override (a VEVENT with
 * RECURRENCE-ID) that leaves a property out takes it from its series.
 */
export function propertyValue(component: ICAL.Component, name: string, series?: ICAL.Component): unknown {
  const own = safeValue(component, name)
  if (own !== undefined || !series) return own
  return safeValue(series, name)
}

export function textValue(
  component: ICAL.Component,
  name: string,
  series?: ICAL.Component,
): string | undefined {
  const value = propertyValue(component, name, series)
  return typeof value === 'string' ? value : undefined
}

/** The TZID parameter of a property, when it has one. */
export function tzidOf(property: ICAL.Property | null): string | undefined {
  const tzid = property?.getParameter('tzid')
  const value = Array.isArray(tzid) ? tzid[0] : tzid
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** Whether the occurrence belongs on a public screen: not cancelled, not marked private. */
export function isPublicAndScheduled(component: ICAL.Component, series?: ICAL.Component): boolean {
  const status = textValue(component, 'status', series)?.trim().toUpperCase()
  const visibility = textValue(component, 'class', series)?.trim().toUpperCase()
  return status !== 'CANCELLED' && visibility !== 'PRIVATE' && visibility !== 'CONFIDENTIAL'
}

/** A short name for warnings: the SUMMARY, else the UID. */
export function describeEvent(component: ICAL.Component): string {
  const summary = textValue(component, 'summary')?.trim()
  const label = summary || textValue(component, 'uid')?.trim() || 'without SUMMARY or UID'
  return `event "${label.length > 60 ? `${label.slice(0, 59)}…` : label}"`
}

function safeValue(component: ICAL.Component, name: string): unknown {
  try {
    return component.getFirstPropertyValue(name) ?? undefined
  } catch {
    return undefined
  }
}
