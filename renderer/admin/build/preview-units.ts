/**
 * The kiosk's styles size everything in viewport units (vmin, vw, vh), so that a slide reads the
 * same on any panel. The admin page draws the same slide in a 1920×1080 (or 1080×1920) box
 * scaled down, where viewport units would measure the admin window instead. Kiosk stylesheets the
 * admin page imports with `?preview-units` get container units (cqmin, cqw, cqh) instead, which
 * measure the preview box (a size container); the kiosk page's own build is untouched.
 *
 * Build code for vite.config.ts; typed structurally so the page's tsconfig needs no Vite types.
 */
export const PREVIEW_UNITS_QUERY = 'preview-units'

const VIEWPORT_UNIT = /(?<![\w.-])(-?(?:\d+\.?\d*|\.\d+))(vmin|vmax|vw|vh)\b/g
const CONTAINER_UNIT: Record<string, string> = { vmin: 'cqmin', vmax: 'cqmax', vw: 'cqw', vh: 'cqh' }

/** `2.6vmin` → `2.6cqmin`, `36vw` → `36cqw`; everything else as it was. */
export function toContainerUnits(css: string): string {
  return css.replace(
    VIEWPORT_UNIT,
    (_match, value: string, unit: string) => `${value}${CONTAINER_UNIT[unit]}`,
  )
}

export function previewUnits() {
  return {
    name: 'infomonitor:preview-units',
    enforce: 'pre' as const,
    transform(code: string, id: string): string | undefined {
      const query = id.split('?')[1]
      if (!query || !new URLSearchParams(query).has(PREVIEW_UNITS_QUERY)) return undefined
      return toContainerUnits(code)
    },
  }
}
