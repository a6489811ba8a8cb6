// The report's style sheet, inlined into the page. Kinds of span and quad classes each keep one colour everywhere
// (text, legend, network, timeline); verbal quad classes are also dashed, so they differ without colour too. The
// network's countries take colours from Paul Tol's colour-blind-safe "bright" scheme, and are named on their outline.
export const REPORT_CSS = `
:root {
  --actor: #dbeafe; --actor-line: #1d4ed8;
  --place: #dcfce7; --place-line: #15803d;
  --event: #ffedd5; --event-line: #c2410c;
  --stance: #f3e8ff; --stance-line: #7e22ce;
  --claim: #fef9c3; --claim-line: #a16207;
  --vcoop: #4daf4a; --mcoop: #1b5e20; --vconf: #f39c12; --mconf: #c0392b;
  --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --paper: #ffffff; --panel: #f6f8fa; --focus: #0969da;
  color-scheme: light;
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--panel); }
header.top { padding: 16px 24px 8px; background: var(--paper); border-bottom: 1px solid var(--rule); }
h1 { margin: 0 0 6px; font-size: 22px; }
h2 { margin: 0 0 6px; font-size: 17px; }
.stats { display: flex; flex-wrap: wrap; gap: 4px 20px; list-style: none; padding: 0; margin: 0 0 8px; color: var(--muted); }
.stats b { color: var(--ink); }
.notices { margin: 4px 0 8px; color: #7d4e00; }
.notices ul { max-height: 12em; overflow: auto; font-size: 13px; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; padding: 16px 24px; }
main > section { background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; min-width: 0; }
#articles, #timeline, #stances { grid-column: 1 / -1; }
@media (max-width: 1100px) { main { grid-template-columns: minmax(0, 1fr); } }
.hint { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.empty { color: var(--muted); font-style: italic; }
.scroll { overflow: auto; max-height: 520px; }
.search { display: block; font-size: 13px; color: var(--muted); margin-bottom: 8px; }
.search input { font: inherit; padding: 3px 6px; margin-left: 6px; width: 16em; max-width: 60%; }
button { font: inherit; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
table.data { border-collapse: collapse; width: 100%; font-size: 14px; }
table.data th, table.data td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--rule); }
table.data td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.data thead th { position: sticky; top: 0; background: var(--paper); }
table.data th button { border: 0; background: none; padding: 0; font-weight: 600; cursor: pointer; color: inherit; }
table.data th[aria-sort="ascending"] button::after { content: " ▲"; }
table.data th[aria-sort="descending"] button::after { content: " ▼"; }
table.data tr.selected td { background: #fff8c5; }
.actor-link { border: 0; background: none; padding: 0; color: #0550ae; cursor: pointer; text-align: left; }
.actor-link:hover { text-decoration: underline; }
.more { margin-top: 8px; }
#network-svg, #timeline-svg { width: 100%; height: auto; display: block; }
#network-svg { max-height: 560px; }
.edge { fill: none; stroke-opacity: .7; cursor: pointer; }
.edge:hover { stroke-opacity: 1; }
.q-verbal-cooperation { stroke: var(--vcoop); fill: var(--vcoop); stroke-dasharray: 6 3; }
.q-material-cooperation { stroke: var(--mcoop); fill: var(--mcoop); }
.q-verbal-conflict { stroke: var(--vconf); fill: var(--vconf); stroke-dasharray: 6 3; }
.q-material-conflict { stroke: var(--mconf); fill: var(--mconf); }
.edge.q-verbal-cooperation, .edge.q-material-cooperation, .edge.q-verbal-conflict, .edge.q-material-conflict { fill: none; }
rect.q-verbal-cooperation, rect.q-verbal-conflict { stroke: none; }
.node { cursor: pointer; }
.g-0 { --group: #4477aa; } .g-1 { --group: #ee6677; } .g-2 { --group: #228833; } .g-3 { --group: #ccbb44; } .g-4 { --group: #66ccee; } .g-5 { --group: #aa3377; }
.node circle { fill: var(--group, #8c959f); stroke: #fff; stroke-width: 1.5; }
.hull { fill: var(--group); fill-opacity: .14; stroke: var(--group); stroke-opacity: .6; stroke-width: 1.5; }
.hull-name { font-size: 13px; font-weight: 600; fill: var(--ink); text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.node text { font-size: 13px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.node.selected circle { stroke: #000; stroke-width: 3; }
.node.dim { opacity: .25; }
.quad-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 6px 0 0; font-size: 13px; color: var(--muted); }
.bar { cursor: pointer; }
.bar .hit { fill: transparent; stroke: none; }
.bar:hover .hit, .bar:focus .hit { fill: #eaeef2; }
.axis { stroke: var(--muted); }
.tick { font-size: 10px; fill: var(--muted); text-anchor: middle; }
table.matrix { border-collapse: collapse; font-size: 13px; }
table.matrix th, table.matrix td { border: 1px solid var(--rule); padding: 2px 6px; }
table.matrix thead th { vertical-align: bottom; max-width: 9em; font-weight: 600; }
table.matrix tbody th { text-align: left; font-weight: 600; white-space: nowrap; }
table.matrix td.cell button { border: 0; background: none; cursor: pointer; padding: 2px 4px; white-space: nowrap; }
td.c-support { background: #e6f4ea; } td.c-oppose { background: #fde8e6; } td.c-neutral { background: #f1f3f5; }
.p-support { color: #1a7f37; margin-right: 4px; } .p-oppose { color: #b42318; margin-right: 4px; } .p-neutral { color: var(--muted); }
.articles { display: grid; grid-template-columns: minmax(14em, 22em) minmax(0, 1fr); gap: 16px; }
@media (max-width: 800px) { .articles { grid-template-columns: minmax(0, 1fr); } }
.list { border-right: 1px solid var(--rule); padding-right: 12px; }
.filter { background: #fff8c5; padding: 4px 8px; border-radius: 4px; font-size: 14px; }
#article-list { list-style: none; margin: 0; padding: 0; max-height: 640px; overflow: auto; }
#article-list li button { display: block; width: 100%; text-align: left; border: 0; border-bottom: 1px solid var(--rule); background: none; padding: 5px 4px; cursor: pointer; }
#article-list li button:hover { background: var(--panel); }
#article-list li button[aria-current="true"] { background: #ddf4ff; }
#article-list .path { display: block; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
#article-list .counts { font-size: 12px; color: var(--muted); }
.legend { border: 1px solid var(--rule); border-radius: 4px; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 14px; margin: 0 0 10px; }
#article-view h3 { margin: 0 0 2px; font-size: 18px; }
#article-view .meta { color: var(--muted); font-size: 13px; margin: 0 0 8px; overflow-wrap: anywhere; }
#article-view .notice { background: #fff8c5; padding: 6px 10px; border-radius: 4px; }
.text { white-space: pre-wrap; overflow-wrap: break-word; font-size: 16px; line-height: 1.75; max-width: 48em; }
.hl { border-radius: 2px; }
.text .hl { cursor: help; }
.k-actor { background: var(--actor); box-shadow: inset 0 -2px var(--actor-line); }
.k-place { background: var(--place); box-shadow: inset 0 -2px var(--place-line); }
.k-event { background: var(--event); box-shadow: inset 0 -2px var(--event-line); font-weight: 600; }
.k-stance { outline: 2px solid var(--stance-line); outline-offset: -1px; }
.k-stance:not(.k-event) { background: var(--stance); }
.k-claim { background: var(--claim); box-shadow: inset 0 -1px var(--claim-line); }
.text .hl:focus-visible { outline: 3px solid var(--focus); }
.items { columns: 2 18em; font-size: 14px; }
.items h4 { margin: 8px 0 2px; }
#tooltip { position: absolute; z-index: 10; max-width: 26em; background: #1f2328; color: #fff; font-size: 13px; line-height: 1.45; padding: 6px 10px; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.25); pointer-events: none; }
#tooltip .kind { text-transform: uppercase; font-size: 11px; letter-spacing: .04em; opacity: .8; }
#tooltip .kind + .kind, #tooltip div + .kind { margin-top: 6px; }
#tooltip dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 8px; }
#tooltip dt { opacity: .75; }
#tooltip dd { margin: 0; }
footer { padding: 8px 24px 24px; color: var(--muted); font-size: 12px; }
`;
