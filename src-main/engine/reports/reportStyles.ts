// Print stylesheet, inlined into every report. Ligatures are off so PDF text extraction (and the
// CI check that greps headings) sees plain letters, not "ﬁ" glyphs.
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1d2430;
  margin: 0; font-variant-ligatures: none; font-feature-settings: "liga" 0; }
header { border-bottom: 2px solid #2f6fde; margin-bottom: 12px; }
header .kicker { color: #6b7280; font-size: 9pt; margin: 0; }
h1 { font-size: 18pt; margin: 2px 0 4px; }
header .date { color: #4c5b61; margin: 0 0 8px; }
h2 { font-size: 13pt; margin: 18px 0 6px; color: #2f6fde; break-after: avoid; }
h3 { font-size: 11pt; margin: 12px 0 4px; break-after: avoid; }
section { break-inside: auto; }
.run { break-before: page; }
h1.dataset-title { font-size: 15pt; margin: 14px 0 4px; padding-bottom: 3px; border-bottom: 1px solid #d1d5db; }
h1.dataset-title.next { break-before: page; }
p.verdict { padding: 5px 8px; border-radius: 4px; font-weight: 600; margin: 4px 0 8px; }
p.verdict.good { color: #15803d; background: #ecfdf3; border-left: 3px solid #15803d; }
p.verdict.bad { color: #b91c1c; background: #fef2f2; border-left: 3px solid #b91c1c; }
p.verdict.even { color: #92400e; background: #fffbeb; border-left: 3px solid #b45309; }
table.grid td.best { font-weight: 700; }
table { border-collapse: collapse; margin: 4px 0 8px; font-size: 9pt; break-inside: avoid; }
table.kv th { text-align: left; font-weight: 600; padding: 2px 12px 2px 0; vertical-align: top; color: #4c5b61; }
table.kv td { padding: 2px 0; }
table.grid th, table.grid td { border: 1px solid #d1d5db; padding: 3px 5px; }
table.grid { max-width: 100%; }
table.grid thead th { background: #f3f4f6; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 6px 0 10px; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #6b7280; font-size: 8.5pt; }
.charts { display: flex; flex-wrap: wrap; gap: 4px 12px; }
.charts figure { width: calc(50% - 6px); }
.note { color: #6b7280; font-style: italic; }
ul { margin: 2px 0 8px 18px; padding: 0; }
`;
