/** GeoReport v2 XML: a root element, one element per row, arrays as a plural holding singular children. */

const escape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** The singular element of a list in the spec's XML (attributes → attribute, values → value, notes → note). */
const SINGULAR: Record<string, string> = { attributes: 'attribute', values: 'value', notes: 'note' };

function element(name: string, v: unknown): string {
  if (v === null || v === undefined) return `<${name}/>`;
  if (Array.isArray(v)) {
    const child = SINGULAR[name] ?? 'item';
    return `<${name}>${v.map((x) => element(child, x)).join('')}</${name}>`;
  }
  if (typeof v === 'object')
    return `<${name}>${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => element(k, x))
      .join('')}</${name}>`;
  return `<${name}>${escape(String(v))}</${name}>`;
}

export function toXml(root: string, item: string, rows: readonly object[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${rows.map((r) => element(item, r)).join('')}</${root}>`;
}

/** The one object that is not a list (a service definition) under its own root. */
export function objectToXml(root: string, obj: object): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, obj)}`;
}
