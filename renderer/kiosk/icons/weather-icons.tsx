import { isWeatherIcon, type WeatherIcon as WeatherIconName } from '../i18n.js'
import { Icon, type IconProps } from './icon.js'

const CLOUD = 'M7.5 19h9.5a4 4 0 0 0 .5-7.97A5.5 5.5 0 0 0 7 11.2 3.9 3.9 0 0 0 7.5 19z'
const RAIN_CLOUD = 'M7.5 14.5h9.5a3.6 3.6 0 0 0 .4-7.18A5.2 5.2 0 0 0 7.3 7.2a3.65 3.65 0 0 0 .2 7.3z'

function Sun({ cx = 12, cy = 12, r = 4 }: { cx?: number; cy?: number; r?: number }) {
  const rays = [0, 45, 90, 135, 180, 225, 270, 315].map((angle) => {
    const a = (angle * Math.PI) / 180
    const inner = r + 2.2
    const outer = r + 4.2
    return `M${(cx + Math.cos(a) * inner).toFixed(2)} ${(cy + Math.sin(a) * inner).toFixed(2)}L${(cx + Math.cos(a) * outer).toFixed(2)} ${(cy + Math.sin(a) * outer).toFixed(2)}`
  })
  return (
    <>
      <circle cx={cx} cy={cy} r={r} />
      <path d={rays.join('')} />
    </>
  )
}

const MOON = 'M19.5 14.2A7.8 7.8 0 0 1 9.8 4.5a7.8 7.8 0 1 0 9.7 9.7z'

const SHAPES: Record<WeatherIconName, () => preact.JSX.Element> = {
  'clear-day': () => <Sun />,
  'clear-night': () => <path d={MOON} />,
  'partly-cloudy-day': () => (
    <>
      <path d="M8.6 6.9a3.3 3.3 0 0 1 6.3 1.1M6.2 4.3l.9.9M10.6 2.6v1.2M3.9 8.6h1.2M15 4.3l-.9.9" />
      <path d={CLOUD} />
    </>
  ),
  'partly-cloudy-night': () => (
    <>
      <path d="M16.8 8.2A4.6 4.6 0 0 1 11 3a4.6 4.6 0 0 0-4.2 6" />
      <path d={CLOUD} />
    </>
  ),
  cloudy: () => <path d={CLOUD} />,
  fog: () => <path d="M4 8h16M6 12h12M4 16h16M8 20h8" />,
  wind: () => <path d="M3 9h11a3 3 0 1 0-3-3M3 13h15a3 3 0 1 1-3 3M3 17h7" />,
  rain: () => (
    <>
      <path d={RAIN_CLOUD} />
      <path d="M8.5 17.5l-1 3M12.5 17.5l-1 3M16.5 17.5l-1 3" />
    </>
  ),
  sleet: () => (
    <>
      <path d={RAIN_CLOUD} />
      <path d="M8.5 17.5l-1 3M15.5 17.5l-1 3M12 18v.1M11 20.8v.1" />
    </>
  ),
  snow: () => (
    <>
      <path d={RAIN_CLOUD} />
      <path d="M8 17.5v3M6.7 19h2.6M16 17.5v3M14.7 19h2.6M12 19.2v.1" />
    </>
  ),
  hail: () => (
    <>
      <path d={RAIN_CLOUD} />
      <circle cx="8.5" cy="19" r="1" />
      <circle cx="12.5" cy="19.5" r="1" />
      <circle cx="16.5" cy="19" r="1" />
    </>
  ),
  thunderstorm: () => (
    <>
      <path d={RAIN_CLOUD} />
      <path d="M12.5 15.5l-2 3.5h3l-2 3.5" />
    </>
  ),
}

export function WeatherIcon({ icon, ...props }: IconProps & { icon: string | null | undefined }) {
  const Shape = isWeatherIcon(icon) ? SHAPES[icon] : SHAPES.cloudy
  return (
    <Icon {...props}>
      <Shape />
    </Icon>
  )
}
