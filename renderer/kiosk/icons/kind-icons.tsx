import type { SlideKind } from '../../../contracts/player-state.js'
import { Icon, type IconProps } from './icon.js'

export function ConeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3.5 20.5h17" />
      <path d="M10.4 3.5h3.2l4.6 17H5.8z" />
      <path d="M8.9 9h6.2M7.5 14.5h9" />
    </Icon>
  )
}

export function CalendarIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
      <path d="M7.5 14h2M11 14h2M14.5 14h2M7.5 17h2M11 17h2" />
    </Icon>
  )
}

export function PinIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 21s-6.5-5.8-6.5-11.2a6.5 6.5 0 0 1 13 0C18.5 15.2 12 21 12 21z" />
      <circle cx="12" cy="9.8" r="2.4" />
    </Icon>
  )
}

export function NewsIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 4.5h12.5v15H6a2 2 0 0 1-2-2z" />
      <path d="M16.5 8.5H20v9a2 2 0 0 1-2 2h-1.5" />
      <path d="M7 8h6.5M7 11.5h6.5M7 15h4" />
    </Icon>
  )
}

export function NoticeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="5" y="4.5" width="14" height="16" rx="1.5" />
      <circle cx="12" cy="4.5" r="1.6" />
      <path d="M8 10h8M8 13.5h8M8 17h5" />
    </Icon>
  )
}

export function InfoIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 11v5.5M12 7.6v.1" />
    </Icon>
  )
}

export function WarningIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M10.3 4.2a2 2 0 0 1 3.4 0l7.6 13.2a2 2 0 0 1-1.7 3H4.4a2 2 0 0 1-1.7-3z" />
      <path d="M12 9.5v4.5M12 17v.1" />
    </Icon>
  )
}

const KIND_ICONS: Record<SlideKind, (props: IconProps) => preact.JSX.Element> = {
  roadworks: ConeIcon,
  event: CalendarIcon,
  tourism: PinIcon,
  news: NewsIcon,
  notice: NoticeIcon,
  warning: WarningIcon,
}

export function KindIcon({ kind, ...props }: IconProps & { kind: SlideKind }) {
  const Component = KIND_ICONS[kind] ?? InfoIcon
  return <Component {...props} />
}
