/** The plain-object element tree Satori lays out (what JSX would compile to). */
export interface SatoriElement {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: SatoriChild | SatoriChild[];
    [attribute: string]: unknown;
  };
}
export type SatoriChild = SatoriElement | string;

export function h(
  type: string,
  style: Record<string, string | number>,
  children?: SatoriChild | SatoriChild[],
  attributes: Record<string, unknown> = {},
): SatoriElement {
  return { type, props: { ...attributes, style, ...(children === undefined ? {} : { children }) } };
}
