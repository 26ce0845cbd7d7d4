// The mesh lineage graph as inline SVG: products and external topics as nodes, laid out in columns by how many hops
// they are from the mesh's sources, and an arrow per topic flowing from its producer to a product reading it.
const NODE_W = 210, NODE_H = 48, COL_GAP = 95, ROW_GAP = 30, PAD = 16;

export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

/** Column of every node: the longest path from a node nothing flows into. */
function depths(nodes, edges) {
  const depth = new Map(nodes.map(n => [n.id, 0]));
  for (let round = 0; round < nodes.length; round++) {
    let changed = false;
    for (const e of edges) {
      const next = (depth.get(e.from) ?? 0) + 1;
      if (next > (depth.get(e.to) ?? 0)) { depth.set(e.to, next); changed = true; }
    }
    if (!changed) break;
  }
  return depth;
}

/**
 * @param lineage   {nodes: [{id, kind, domain, version}], edges: [{from, to, topic}]}
 * @param slaOf     product id -> 'met' | 'breached' | 'unknown'
 * @param liveEdge  (edge) -> whether records flowed on it since the last refresh
 */
export function lineageSvg(lineage, slaOf, liveEdge) {
  const nodes = lineage.nodes ?? [], edges = lineage.edges ?? [];
  const depth = depths(nodes, edges);
  const columns = new Map();
  for (const n of nodes) {
    const d = depth.get(n.id);
    if (!columns.has(d)) columns.set(d, []);
    columns.get(d).push(n);
  }
  const at = new Map();
  let rows = 1, cols = 1;
  for (const [d, column] of columns) {
    column.sort((a, b) => a.id.localeCompare(b.id));
    column.forEach((n, row) => at.set(n.id, {x: PAD + d * (NODE_W + COL_GAP), y: PAD + row * (NODE_H + ROW_GAP)}));
    rows = Math.max(rows, column.length);
    cols = Math.max(cols, d + 1);
  }
  const width = PAD * 2 + cols * NODE_W + (cols - 1) * COL_GAP;
  const height = PAD * 2 + rows * NODE_H + (rows - 1) * ROW_GAP;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" id="lineage-svg" role="img" aria-label="Mesh lineage graph"
      viewBox="0 0 ${width} ${height}" style="max-width: ${width}px">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M 0 0 L 10 5 L 0 10 z" fill="#8c95a6"/></marker></defs>`];
  for (const e of edges) {
    const from = at.get(e.from), to = at.get(e.to);
    if (!from || !to) continue;
    const x1 = from.x + NODE_W, y1 = from.y + NODE_H / 2, x2 = to.x, y2 = to.y + NODE_H / 2;
    const bend = Math.max(30, (x2 - x1) / 2);
    parts.push(`<g class="edge${liveEdge(e) ? ' live' : ''}" data-from="${escape(e.from)}" data-to="${escape(e.to)}" data-topic="${escape(e.topic)}">
      <path d="M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}" marker-end="url(#arrow)"/>
      <text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 5}" text-anchor="middle">${escape(e.topic)}</text></g>`);
  }
  for (const n of nodes) {
    const p = at.get(n.id), product = n.kind === 'product';
    const sla = product ? (slaOf(n.id) ?? 'unknown') : '';
    parts.push(`<g class="node ${product ? 'product sla-' + sla : 'topic'}" data-id="${escape(n.id)}" transform="translate(${p.x},${p.y})">
      <rect width="${NODE_W}" height="${NODE_H}" rx="${product ? 6 : 22}"/>
      <text x="10" y="20">${escape(n.id)}</text>
      <text class="sub" x="10" y="37">${product ? 'v' + escape(n.version) + ' · SLA ' + sla : 'topic'}</text></g>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
