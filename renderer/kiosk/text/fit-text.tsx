import { useLayoutEffect, useRef } from 'preact/hooks'
import { truncateToFit } from './truncate.js'

export interface FitTextProps {
  text: string
  as?: 'p' | 'h1' | 'h2' | 'div' | 'span' | 'dd'
  class?: string
}

/**
 * Text in a box of fixed size (set by CSS: a height, a max-height or a flex share with
 * overflow hidden). When the text is too long it is shortened after a whole word with "…",
 * measured on the real element after layout, and measured again when the box changes size or a
 * font finishes loading.
 */
export function FitText({ text, as: Tag = 'p', class: className }: FitTextProps) {
  const ref = useRef<HTMLElement>(null)

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    let fittedAt = ''
    const size = () => `${element.clientWidth}x${element.clientHeight}`
    const refit = () => {
      // Preact owns this text node: writing its data keeps the node (and Preact's reference to it).
      const node = element.firstChild
      if (!(node instanceof Text)) return
      const fits = lastLineFits(element, node)
      node.data = truncateToFit(text, (candidate) => {
        node.data = candidate
        return fits()
      })
      fittedAt = size()
    }
    refit()
    const observer = new ResizeObserver(() => {
      if (size() !== fittedAt) refit()
    })
    observer.observe(element)
    const fonts = document.fonts
    fonts?.addEventListener('loadingdone', refit)
    return () => {
      observer.disconnect()
      fonts?.removeEventListener('loadingdone', refit)
    }
  }, [text])

  return (
    <Tag ref={ref as never} class={className ? `fit-text ${className}` : 'fit-text'}>
      {text}
    </Tag>
  )
}

/**
 * Whether the text's last line ends inside the element's content box. scrollHeight cannot tell:
 * with a tight line-height the glyphs reach past their line and count as overflow. Styles are
 * read once per fit; each call then costs one layout.
 */
function lastLineFits(element: HTMLElement, node: Text): () => boolean {
  const style = getComputedStyle(element)
  const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2
  const paddingBottom = Number.parseFloat(style.paddingBottom) || 0
  const range = document.createRange()
  return () => {
    range.selectNodeContents(node)
    const lines = range.getClientRects()
    const last = lines[lines.length - 1]
    if (!last) return true
    // A line's rect is the font's content area, centred on the line box.
    const lineBottom = last.bottom + (lineHeight - last.height) / 2
    const box = element.getBoundingClientRect()
    return lineBottom <= box.top + element.clientTop + element.clientHeight - paddingBottom + 1
  }
}
