/**
 * The kiosk page may load nothing but its own files from the loopback host: no inline script,
 * no remote image, font or connection. Violations are reported, never obeyed.
 */
export const PLAYER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  'report-uri /api/csp-report',
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': PLAYER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
}

/** DNS rebinding guard: a loopback server answers only to loopback host names. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase())
}
