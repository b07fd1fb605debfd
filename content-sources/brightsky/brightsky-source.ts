import type { z } from 'zod'
import type { ForecastPointSchema, WeatherDetails } from '../content-item.js'
import { apiBase, readJsonDocument } from '../fetch/json-api.js'
import { buildItems } from '../item-builder.js'
import type { ParseContext, SourceAdapter } from '../source-adapter.js'
import { failure } from '../source-result.js'
import { parseLooseDate } from '../text/dates.js'
import {
  type CurrentWeather,
  CurrentWeatherSchema,
  HourlyRecordSchema,
  HourlyWeatherSchema,
} from './brightsky-schema.js'
import { formatTemperature, germanCondition } from './weather-words.js'

type ForecastPoint = z.infer<typeof ForecastPointSchema>

const HOUR_MS = 60 * 60 * 1000
/** An observation older than this is no longer "the weather now": the header shows none instead. */
const FRESH_FOR_MS = 3 * HOUR_MS
const MAX_FORECAST_POINTS = 48
/** DWD data may be used freely with this source note; it travels with every weather item. */
const ATTRIBUTION = 'Quelle: Deutscher Wetterdienst'

/**
 * Current weather and an hourly forecast for the monitor's location from Bright Sky
 * (api.brightsky.dev), a free JSON gateway to DWD observations and MOSMIX forecasts. Produces
 * exactly one item, kind `weather`, for the header and the fallback slide.
 */
export const brightskySource: SourceAdapter<'brightsky'> = {
  type: 'brightsky',
  accept: 'application/json',

  requestUrl(source, monitor) {
    const location = monitor.location
    if (!location) {
      throw new Error(
        'A brightsky source needs monitor.location; the config validation should have refused this config.',
      )
    }
    const query = new URLSearchParams({
      lat: String(location.lat),
      lon: String(location.lon),
      tz: monitor.timezone,
    })
    return `${apiBase(source.url)}/current_weather?${query}`
  },

  async parse(document, context) {
    const json = readJsonDocument(document)
    if (!json.ok) {
      return failure(
        'MalformedJson',
        `The Bright Sky answer from ${document.url} is not valid JSON (${json.message}).`,
      )
    }
    const parsed = CurrentWeatherSchema.safeParse(json.value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return failure(
        'InvalidContent',
        `The Bright Sky answer from ${document.url} has no usable current weather (${issue?.path.join('.')}: ${issue?.message}); is the URL the current_weather endpoint?`,
      )
    }
    const { monitor, now } = context
    const observedAt = parseLooseDate(parsed.data.weather.timestamp, monitor.timezone)
    if (!observedAt) {
      return failure(
        'InvalidContent',
        `The Bright Sky weather timestamp "${parsed.data.weather.timestamp}" cannot be read.`,
      )
    }
    const warnings: string[] = []
    const forecast = await fetchForecast(context, warnings)
    const weather = currentWeather(parsed.data, observedAt, forecast)
    const summary = [
      weather.temperatureC === null ? undefined : formatTemperature(weather.temperatureC),
      weather.condition ?? undefined,
    ]
      .filter((part) => part !== undefined)
      .join(', ')
    return buildItems(
      [
        {
          nativeId: 'current',
          kind: 'weather',
          title: `Wetter in ${monitor.name}`,
          summary,
          validFrom: now,
          validUntil: new Date(observedAt.getTime() + FRESH_FOR_MS),
          updatedAt: observedAt,
          priority: 'normal',
          attribution: ATTRIBUTION,
          weather,
        },
      ],
      context,
      warnings,
    )
  },
}

function currentWeather(data: CurrentWeather, observedAt: Date, forecast: ForecastPoint[]): WeatherDetails {
  const { weather, sources = [] } = data
  const station = sources.find((source) => source.id === weather.source_id) ?? sources[0]
  const details: WeatherDetails = {
    observedAt: observedAt.toISOString(),
    temperatureC: weather.temperature ?? null,
    condition: germanCondition(weather.icon, weather.condition),
    icon: shortWord(weather.icon),
    windSpeedKmh: weather.wind_speed_10 ?? weather.wind_speed_30 ?? weather.wind_speed_60 ?? null,
    forecast,
  }
  const stationName = station?.station_name?.trim()
  if (stationName) details.stationName = stationName.slice(0, 200)
  return details
}

/** The hours after `now`; a forecast that cannot be had leaves the current weather standing. */
async function fetchForecast(
  context: ParseContext<'brightsky'>,
  warnings: string[],
): Promise<ForecastPoint[]> {
  const { source, monitor, now, fetchMore } = context
  if (source.forecastHours === 0 || !fetchMore || !monitor.location) return []
  const until = new Date(now.getTime() + source.forecastHours * HOUR_MS)
  const query = new URLSearchParams({
    lat: String(monitor.location.lat),
    lon: String(monitor.location.lon),
    date: now.toISOString(),
    last_date: until.toISOString(),
    tz: monitor.timezone,
  })
  const outcome = await fetchMore(`${apiBase(source.url)}/weather?${query}`)
  if (!outcome.ok) {
    warnings.push(`forecast unavailable (${outcome.error.message}); current weather shown without it`)
    return []
  }
  if (outcome.notModified) {
    warnings.push('forecast unavailable (the server answered 304 to an unconditional request)')
    return []
  }
  const json = readJsonDocument(outcome.document)
  const parsed = json.ok ? HourlyWeatherSchema.safeParse(json.value) : undefined
  if (!parsed?.success) {
    warnings.push(
      `forecast from ${outcome.document.url} is not a Bright Sky weather answer; current weather shown without it`,
    )
    return []
  }
  const points: ForecastPoint[] = []
  for (const raw of parsed.data.weather) {
    const record = HourlyRecordSchema.safeParse(raw)
    const time = record.success ? parseLooseDate(record.data.timestamp, monitor.timezone) : undefined
    if (!record.success || !time || time <= now || time > until) continue
    points.push({
      time: time.toISOString(),
      temperatureC: record.data.temperature ?? null,
      icon: shortWord(record.data.icon),
      precipitationProbability: record.data.precipitation_probability ?? null,
    })
  }
  return points.sort((a, b) => a.time.localeCompare(b.time)).slice(0, MAX_FORECAST_POINTS)
}

function shortWord(value: string | null | undefined): string | null {
  const word = value?.trim()
  return word && word.length <= 40 ? word : null
}
