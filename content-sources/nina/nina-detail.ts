import { z } from 'zod'
import { optionalText } from './nina-dashboard.js'

/** An array whose elements are read one by one: an element that does not fit is left out, not fatal. */
function lenientArray<T extends z.ZodType>(element: T) {
  return z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((items): z.output<T>[] =>
      (items ?? []).flatMap((item) => {
        const parsed = element.safeParse(item)
        return parsed.success ? [parsed.data] : []
      }),
    )
}

const ParameterSchema = z.object({ valueName: z.string(), value: z.string() })

const InfoSchema = z.object({
  language: optionalText,
  event: optionalText,
  urgency: optionalText,
  severity: optionalText,
  certainty: optionalText,
  effective: optionalText,
  onset: optionalText,
  expires: optionalText,
  senderName: optionalText,
  headline: optionalText,
  description: optionalText,
  instruction: optionalText,
  web: optionalText,
  parameter: lenientArray(ParameterSchema),
  area: lenientArray(z.object({ areaDesc: optionalText })),
})
export type WarningInfo = z.infer<typeof InfoSchema>

/** `GET /warnings/{identifier}.json`: a CAP 1.2 alert mapped to JSON. */
export const WarningDetailSchema = z.object({
  identifier: optionalText,
  sender: optionalText,
  sent: optionalText,
  status: optionalText,
  msgType: optionalText,
  references: optionalText,
  info: lenientArray(InfoSchema),
})
export type WarningDetail = z.infer<typeof WarningDetailSchema>

/** The German info block (`DE`, `de`, `de-DE` all occur); another language only when there is none. */
export function germanInfo(detail: WarningDetail): WarningInfo | undefined {
  return detail.info.find((info) => info.language?.trim().toLowerCase().startsWith('de')) ?? detail.info[0]
}

export function parameter(info: WarningInfo, name: string): string | undefined {
  const wanted = name.toLowerCase()
  return (
    info.parameter.find((entry) => entry.valueName.trim().toLowerCase() === wanted)?.value.trim() || undefined
  )
}

/**
 * The identifiers a message refers to. CAP writes `sender,identifier,sent` triples separated by
 * spaces, but NINA mixes the separators, so every token is a candidate.
 */
export function referencedIdentifiers(detail: WarningDetail): string[] {
  return (detail.references ?? '').split(/[\s,]+/).filter((token) => token !== '')
}
