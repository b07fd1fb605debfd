/**
 * `?speed=N` runs the rotation N times faster (soak tests run 10,000 rotations this way). Anything
 * that is not a number of at least 1 means normal speed.
 */
export function speedFrom(search: string): number {
  const value = Number(new URLSearchParams(search).get('speed') ?? '1')
  return Number.isFinite(value) && value >= 1 ? value : 1
}
