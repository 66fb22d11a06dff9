// Escaping and small HTML builders. Every piece of user or data text goes through esc().

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A two-column key/value table; values are escaped here. */
export function keyValueTable(rows: readonly [string, string][]): string {
  const body = rows
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('');
  return `<table class="kv">${body}</table>`;
}

/** A table with a header row; cells are escaped here. */
export function gridTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric = true,
): string {
  const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${numeric ? ' class="num"' : ''}>${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="grid"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function list(items: readonly string[]): string {
  return items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';
}

export function section(heading: string, body: string, level: 2 | 3 = 2): string {
  return `<section><h${level}>${esc(heading)}</h${level}>${body}</section>`;
}

/** Chart SVG from our own renderer (ECharts escapes its text), wrapped for layout. */
export function figure(svg: string, caption?: string): string {
  return `<figure>${svg}${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
}
