import type { ComponentChildren } from 'preact'

export interface IconProps {
  class?: string
}

/** Line icons drawn in the text colour; decorative, so hidden from assistive technology. */
export function Icon({ class: className, children }: IconProps & { children: ComponentChildren }) {
  return (
    <svg
      class={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}
