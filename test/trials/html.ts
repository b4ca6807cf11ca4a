import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Parses a report as a browser would (parse5 implements the HTML standard, SVG included). */
export function parseHtml(html: string): Element[] {
  const all: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) all.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html));
  return all;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

export interface ParsedSvg {
  root: Element;
  circles: Element[];
  paths: { className: string | undefined; d: string | undefined }[];
}

export function svgOf(elements: Element[]): ParsedSvg {
  const root = elements.find((el) => el.tagName === 'svg');
  if (!root) throw new Error('no <svg> in the report');
  const inside = parseHtmlSubtree(root);
  return {
    root,
    circles: inside.filter((el) => el.tagName === 'circle'),
    paths: inside
      .filter((el) => el.tagName === 'path')
      .map((p) => ({ className: attr(p, 'class'), d: attr(p, 'd') })),
  };
}

export function trialDots(svg: ParsedSvg) {
  return svg.circles
    .filter((c) => attr(c, 'class') === 'trial')
    .map((c) => ({
      trialId: attr(c, 'data-trial-id')!,
      outcome: attr(c, 'data-outcome')!,
      fill: attr(c, 'fill'),
      cx: Number(attr(c, 'cx')),
      cy: Number(attr(c, 'cy')),
      title: titleOf(c),
    }));
}

/** The small points of each trial's per-seed values. */
export function seedPoints(svg: ParsedSvg) {
  return svg.circles
    .filter((c) => attr(c, 'class') === 'seed')
    .map((c) => ({
      trialId: attr(c, 'data-trial-id')!,
      cx: Number(attr(c, 'cx')),
      cy: Number(attr(c, 'cy')),
      title: titleOf(c),
    }));
}

/** The text of every <text> in the chart, in document order (axis ticks, labels, legend). */
export function svgTexts(svg: ParsedSvg): string[] {
  return parseHtmlSubtree(svg.root)
    .filter((el) => el.tagName === 'text')
    .map(textOf);
}

function titleOf(el: Element): string | undefined {
  const title = el.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'title');
  return title && textOf(title);
}

function textOf(el: Element): string {
  return el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
}

/** Every element that is not from the same origin as the page: scripts, stylesheets, images, frames. */
export function externalReferences(elements: Element[]): string[] {
  return elements.flatMap((el) =>
    ['src', 'href', 'xlink:href']
      .map((name) => attr(el, name))
      .filter(
        (value): value is string =>
          value !== undefined && !value.startsWith('#') && !value.startsWith('data:'),
      ),
  );
}

function parseHtmlSubtree(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

/** The text of every table row's cells (header rows included), in document order. */
export function tableRows(elements: Element[]): string[][] {
  const text = (node: Node): string =>
    'value' in node && node.nodeName === '#text'
      ? node.value
      : 'childNodes' in node
        ? node.childNodes.map(text).join('')
        : '';
  return elements
    .filter((el) => el.tagName === 'tr')
    .map((row) => row.childNodes.filter((c): c is Element => 'tagName' in c).map(text));
}
