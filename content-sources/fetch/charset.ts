/**
 * Decodes a feed's bytes to a string the way the feed meant them, not the way it labelled them:
 * BOM first, then the HTTP charset, then the XML declaration; UTF-8 bytes mislabelled as Latin-1
 * are detected, ISO-8859-1 labels decode as windows-1252 (as browsers do), and bytes that claim
 * UTF-8 but are not fall back to windows-1252. German feeds get all of these wrong in the wild.
 */
export interface DecodedText {
  text: string
  /** The encoding actually used. */
  encoding: string
  /** The label the input claimed, when it claimed one and it was not used. */
  overriddenLabel?: string
}

const LATIN_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'l1',
  'us-ascii',
  'ascii',
  'windows-1252',
  'cp1252',
  'iso-8859-15',
  'iso8859-15',
  'x-cp1252',
  'cp819',
  'ibm819',
  'iso_8859-1',
])

export function decodeBytes(
  bytes: Uint8Array,
  contentType?: string,
  sniffXmlDeclaration = true,
): DecodedText {
  const bom = bomEncoding(bytes)
  if (bom)
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding }

  const label =
    charsetFromContentType(contentType) ??
    (sniffXmlDeclaration ? charsetFromXmlDeclaration(bytes) : undefined)
  const validUtf8 = isValidUtf8(bytes)

  if (label === undefined || label === 'utf-8' || label === 'utf8') {
    if (validUtf8) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }
    return withOverride(decodeAs(bytes, 'windows-1252'), label)
  }
  if (LATIN_LABELS.has(label) && validUtf8 && hasMultibyteSequence(bytes)) {
    return withOverride({ text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }, label)
  }
  const decoded = tryDecodeAs(bytes, label)
  if (decoded) return decoded
  // An unknown label: the bytes decide.
  return withOverride(validUtf8 ? decodeAs(bytes, 'utf-8') : decodeAs(bytes, 'windows-1252'), label)
}

function withOverride(decoded: DecodedText, label: string | undefined): DecodedText {
  return label === undefined ? decoded : { ...decoded, overriddenLabel: label }
}

function decodeAs(bytes: Uint8Array, encoding: string): DecodedText {
  return { text: repairWindows1252(new TextDecoder(encoding).decode(bytes), encoding), encoding }
}

function tryDecodeAs(bytes: Uint8Array, label: string): DecodedText | undefined {
  try {
    const decoder = new TextDecoder(label)
    return { text: repairWindows1252(decoder.decode(bytes), decoder.encoding), encoding: decoder.encoding }
  } catch {
    return undefined
  }
}

// WHATWG index-windows-1252 for bytes 0x80-0x9F; the five undefined bytes map to themselves.
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'

/**
 * Node 20.18.3+ and 22.13+ decode windows-1252 as plain Latin-1, turning „ “ – € into C1 control
 * characters (nodejs/node#60888); map them as the Encoding Standard does. A no-op where Node is right.
 */
function repairWindows1252(text: string, encoding: string): string {
  if (encoding !== 'windows-1252') return text
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return undefined
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null
  return match?.[1]?.toLowerCase()
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512))
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)
  return match?.[1]?.toLowerCase()
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

function hasMultibyteSequence(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true
  return false
}
