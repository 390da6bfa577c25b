/**
 * Takumi (@takumi-rs/core, Rust, native): the same card as a Takumi node tree. Yulu's element tree
 * (same lines, sizes, colours, paddings, letter-spacing) is translated node for node: a `div` with
 * element children becomes a container, one with text a text node, a `span` a text node, and the
 * QR code's inline SVG an image node with the SVG as its source. Fonts are registered once on the
 * renderer (Takumi's intended use); PNG is Takumi's own encoder.
 */
import { Renderer, type Node } from '@takumi-rs/core';
import type { SatoriElement } from '../../src/card/element.ts';
import type { PeerFont } from '../cards.ts';

type Style = Record<string, string | number>;

export async function takumi(fonts: PeerFont[]) {
  const renderer = new Renderer();
  for (const font of fonts)
    await renderer.registerFont({
      name: font.name,
      data: font.bytes,
      weight: font.weight,
      style: 'normal',
    });
  return {
    async render(tree: SatoriElement, width: number, height: number): Promise<Uint8Array> {
      return renderer.render(toTakumi(tree), { width, height, format: 'png' });
    },
    /** Unencoded RGBA, for comparing pixels with Yulu's. */
    async raw(tree: SatoriElement, width: number, height: number): Promise<Uint8Array> {
      return renderer.render(toTakumi(tree), { width, height, format: 'raw' });
    },
  };
}

/** Yulu's Satori element tree → Takumi nodes. */
export function toTakumi(element: SatoriElement): Node {
  const { style = {}, children, lang } = element.props;
  const meta = { style: style as Style, ...(typeof lang === 'string' ? { lang } : {}) };
  if (element.type === 'svg')
    return {
      type: 'image',
      src: svgMarkup(element),
      width: Number(element.props.width),
      height: Number(element.props.height),
      ...meta,
      style: {
        ...meta.style,
        width: Number(element.props.width),
        height: Number(element.props.height),
      },
    } as Node;
  if (typeof children === 'string') return { type: 'text', text: children, ...meta } as Node;
  const list = children === undefined ? [] : Array.isArray(children) ? children : [children];
  return {
    type: 'container',
    children: list.map((child) =>
      typeof child === 'string' ? ({ type: 'text', text: child } as Node) : toTakumi(child),
    ),
    ...meta,
  } as Node;
}

/** SVG presentation attributes are kebab-case (`shape-rendering`); `viewBox` stays as it is. */
const ATTRIBUTE = (name: string) =>
  name === 'viewBox' ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** An inline SVG element (the QR code) as markup. */
function svgMarkup(element: SatoriElement): string {
  const { children, ...attributes } = element.props;
  const attrs = Object.entries(attributes)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([name, value]) => ` ${ATTRIBUTE(name)}="${String(value)}"`)
    .join('');
  const inner = (Array.isArray(children) ? children : children === undefined ? [] : [children])
    .map((child) => (typeof child === 'string' ? child : svgMarkup(child)))
    .join('');
  const xmlns = element.type === 'svg' ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  return `<${element.type}${xmlns}${attrs}>${inner}</${element.type}>`;
}
