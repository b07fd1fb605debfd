/**
 * Smooth weighted round-robin (as nginx balances upstreams): over a cycle each kind gets slots
 * in proportion to its weight, spread out evenly, so a busy feed cannot crowd out a quiet one
 * and a kind with weight w appears at least once in every ceil(total / w) + 1 slots.
 */
export function weightedSequence<K extends string>(weights: ReadonlyMap<K, number>, length: number): K[] {
  const entries = [...weights].filter(([, weight]) => weight > 0)
  if (entries.length === 0) return []
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  const current = new Map<K, number>(entries.map(([kind]) => [kind, 0]))
  const sequence: K[] = []
  for (let slot = 0; slot < length; slot++) {
    let best: K | undefined
    for (const [kind, weight] of entries) {
      const value = current.get(kind)! + weight
      current.set(kind, value)
      if (best === undefined || value > current.get(best)!) best = kind
    }
    current.set(best!, current.get(best!)! - total)
    sequence.push(best!)
  }
  return sequence
}
