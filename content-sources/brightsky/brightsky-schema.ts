import { z } from 'zod'

/** A value Bright Sky may leave null or out (it does, whenever a station lacks the sensor). */
const reading = z.number().nullable().optional().catch(null)
const word = z.string().nullable().optional().catch(null)

/** `GET /current_weather`: one record compiled from the last 90 minutes of SYNOP observations. */
export const CurrentWeatherSchema = z.object({
  weather: z.object({
    source_id: z.number().optional().catch(undefined),
    timestamp: z.string(),
    temperature: reading,
    condition: word,
    icon: word,
    wind_speed_10: reading,
    wind_speed_30: reading,
    wind_speed_60: reading,
  }),
  sources: z
    .array(z.object({ id: z.number().optional().catch(undefined), station_name: word }))
    .optional()
    .catch(undefined),
})
export type CurrentWeather = z.infer<typeof CurrentWeatherSchema>

/** One hourly record of `GET /weather`; a record that does not fit is skipped, not fatal. */
export const HourlyRecordSchema = z.object({
  timestamp: z.string(),
  temperature: reading,
  icon: word,
  precipitation_probability: reading,
})

/** `GET /weather`: hourly records, observations first and then the MOSMIX forecast. */
export const HourlyWeatherSchema = z.object({ weather: z.array(z.unknown()) })
