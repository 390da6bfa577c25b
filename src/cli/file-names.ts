import type { CardSpec } from '../card/engine.ts';

/**
 * A card's file name carries everything that varies between renders of one quote
 * (`<id>-portrait-ink-tw@2x.png`), so batches in different sizes, themes, scripts or scales can
 * share a directory without overwriting each other.
 */
export function cardFileName(id: string, spec: CardSpec, format: 'png' | 'svg'): string {
  return `${id}-${spec.size}-${spec.theme}-${spec.script}${spec.scale === 2 ? '@2x' : ''}.${format}`;
}
