/** An attribute's value in one HTML tag (`<img …>`, `<link …>`), quoted or not, `&amp;` decoded. */
export function htmlAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  const value = match?.[1] ?? match?.[2] ?? match?.[3]
  return value?.replace(/&amp;|&#38;/g, '&').trim() || undefined
}
