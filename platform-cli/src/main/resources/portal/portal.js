// The mesh portal: reads /api/mesh every few seconds and draws every registered data product, its live SLA status,
// flow and dead letters, its schema, and the lineage graph. Record samples need a bearer token (the contract's
// access.requiredPermissions); everything else is open.
import {escape, lineageSvg} from '/lineage.js';

const REFRESH_MS = 3000;
const SLA_NAMES = {freshness_seconds: 'freshness', quality_score: 'quality', availability: 'availability'};
const open = new Set();            // "<product>|<section>" of the <details> a reader opened
const samples = new Map();         // product -> last answer of its records request
let previousIn = new Map();        // "<product>|<topic>" -> records in, at the previous refresh
let liveTopics = new Set();        // "<product>|<topic>" whose records-in rose since the previous refresh

const tokenInput = document.getElementById('token');
tokenInput.value = sessionStorage.getItem('meshwork.token') ?? '';
tokenInput.addEventListener('change', () => sessionStorage.setItem('meshwork.token', tokenInput.value.trim()));

function verdictOf(product) {
  const live = product.live ?? {};
  if (!live.reachable) return 'unknown';
  return live.sla?.status ?? 'unknown';
}

function formatMeasured(objective) {
  const m = objective.measured;
  if (m === null || m === undefined) return '–';
  if (objective.sla === 'freshness_seconds') return `${m.toFixed(1)} s`;
  return `${(m * 100).toFixed(2)} %`;
}

function formatTarget(objective) {
  if (objective.sla === 'freshness_seconds') return `≤ ${objective.target} s`;
  return `≥ ${(objective.target * 100).toFixed(2)} %`;
}

/** One row per property, depth first: path, type, required, enum, bounds, description. */
export function schemaRows(schema, prefix = '', rows = []) {
  const required = new Set(schema?.required ?? []);
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const type = [].concat(property.type ?? (property.enum ? 'enum' : 'any')).join(' | ')
        + (property.format ? ` (${property.format})` : '');
    const bounds = ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'minLength', 'maxLength',
      'minItems', 'maxItems', 'pattern']
        .filter(k => property[k] !== undefined).map(k => `${k} ${property[k]}`).join(', ');
    rows.push({path, type, required: required.has(name), enum: (property.enum ?? []).join(', '), bounds,
      description: property.description ?? ''});
    if (property.properties) schemaRows(property, path, rows);
    if (property.items?.properties) schemaRows(property.items, `${path}[*]`, rows);
  }
  return rows;
}

function slaTable(product) {
  const objectives = product.live?.sla?.objectives ?? [];
  if (!product.live?.reachable) {
    return `<p class="unreachable">Query port not answering: ${escape(product.live?.error)}</p>`;
  }
  return `<table class="sla-table"><thead><tr><th>SLA</th><th>target</th><th>measured</th><th>status</th></tr></thead><tbody>
    ${objectives.map(o => `<tr class="sla ${escape(o.status)}" data-sla="${escape(SLA_NAMES[o.sla] ?? o.sla)}">
      <td>${escape(SLA_NAMES[o.sla] ?? o.sla)}</td><td>${escape(formatTarget(o))}</td>
      <td>${escape(formatMeasured(o))}</td><td class="verdict">${escape(o.status)}</td></tr>`).join('')}
  </tbody></table>`;
}

function flow(product) {
  const f = product.live?.flow;
  if (!f) return '';
  const reasons = Object.entries(f.dlqByReason ?? {}).map(([r, n]) => `${escape(r)} ${n}`).join(', ');
  const letters = (product.deadLetters ?? []).map(d => `<li><code>${escape(d.reason?.rule ?? d.reason?.kind ?? '?')}</code>
      ${d.reason?.path ? 'at ' + escape(d.reason.path) : ''}: ${escape(d.reason?.message ?? '')}
      <small>${escape(d.timestamp)}</small></li>`).join('');
  return `<div class="flow"><span class="in">in <b>${f.in}</b></span><span class="out">out <b>${f.out}</b></span>
      <span class="dlq">dead letters <b>${f.dlq}</b>${reasons ? ` <small>(${reasons})</small>` : ''}</span></div>
    ${letters ? `<ul class="dead-letters" aria-label="latest dead-letter reasons">${letters}</ul>` : ''}`;
}

function schemaTable(registration) {
  const rows = schemaRows(registration.contract?.schema ?? {});
  return `<table class="schema"><thead><tr><th>field</th><th>type</th><th>required</th><th>enum</th><th>bounds</th>
    <th>description</th></tr></thead><tbody>${rows.map(r => `<tr data-field="${escape(r.path)}"><td><code>${escape(r.path)}</code></td>
    <td>${escape(r.type)}</td><td>${r.required ? 'yes' : ''}</td><td>${escape(r.enum)}</td><td>${escape(r.bounds)}</td>
    <td>${escape(r.description)}</td></tr>`).join('')}</tbody></table>`;
}

function recordsPanel(id) {
  const answer = samples.get(id);
  if (!answer) return '<p>Loading …</p>';
  if (answer.error) return `<p class="denied">${escape(answer.error)}</p>`;
  return `<pre class="records">${escape(answer.records.map(r => JSON.stringify({key: r.key, value: r.value})).join('\n'))
      || '(no records yet)'}</pre>`;
}

function card(product) {
  const r = product.registration, id = product.product, sla = verdictOf(product);
  const section = (name, summary, body) => `<details data-section="${name}"${open.has(`${id}|${name}`) ? ' open' : ''}>
      <summary>${summary}</summary>${body}</details>`;
  const fields = schemaRows(r.contract?.schema ?? {}).length;
  const permissions = r.contract?.access?.requiredPermissions ?? [];
  return `<article class="product sla-${sla}" data-product="${escape(id)}" data-sla="${sla}">
    <h3>${escape(id)} <span class="badge ${sla}">SLA ${sla}</span></h3>
    <p class="description">${escape(r.contract?.dataProduct?.description ?? '')}</p>
    <dl class="facts">
      <dt>Owner</dt><dd class="owner">${escape(r.owner)}</dd><dt>Domain</dt><dd class="domain">${escape(r.domain)}</dd>
      <dt>Version</dt><dd class="version">${escape(r.version)}</dd>
      <dt>Classification</dt><dd class="classification">${escape(r.classification)}</dd>
      <dt>Output topic</dt><dd class="output-topic">${escape(r.outputTopic)}</dd>
      <dt>State</dt><dd class="state">${escape(product.live?.state ?? 'unreachable')}</dd>
      <dt>Query port</dt><dd><a href="${escape(r.queryPortUrl)}/product">${escape(r.queryPortUrl)}</a></dd>
      <dt>Instance</dt><dd>${escape(r.instanceId)}</dd>
    </dl>
    ${slaTable(product)}
    ${flow(product)}
    ${section('schema', `Schema (${fields} fields)`, schemaTable(r))}
    ${section('records', `Latest records on ${escape(r.outputTopic)}${permissions.length ? ` (needs ${escape(permissions.join(', '))})` : ''}`,
      recordsPanel(id))}
  </article>`;
}

async function loadSamples(id) {
  const [domain, name] = id.split('/');
  const token = tokenInput.value.trim();
  try {
    const response = await fetch(`/api/products/${domain}/${name}/records`,
        {headers: token ? {Authorization: `Bearer ${token}`} : {}});
    const body = await response.json();
    samples.set(id, response.ok ? body : {error: `${response.status} ${body.title ?? ''}: ${body.detail ?? ''}`});
  } catch (e) {
    samples.set(id, {error: String(e)});
  }
  const panel = document.querySelector(`article[data-product="${id}"] details[data-section="records"]`);
  if (panel) panel.lastElementChild.outerHTML = `<div>${recordsPanel(id)}</div>`;
}

function render(mesh) {
  const products = mesh.products ?? [];
  const nextIn = new Map();
  liveTopics = new Set();
  for (const p of products) {
    for (const [topic, count] of Object.entries(p.live?.flow?.inByTopic ?? {})) {
      const key = `${p.product}|${topic}`;
      nextIn.set(key, count);
      if (previousIn.has(key) && count > previousIn.get(key)) liveTopics.add(key);
    }
  }
  previousIn = nextIn;
  const verdicts = new Map(products.map(p => [p.product, verdictOf(p)]));
  document.getElementById('lineage-graph').innerHTML = lineageSvg(mesh.lineage ?? {}, id => verdicts.get(id),
      edge => liveTopics.has(`${edge.to}|${edge.topic}`));
  document.getElementById('products').innerHTML = products.map(card).join('');
  document.getElementById('product-count').textContent = `(${products.length})`;
  const breached = products.filter(p => verdictOf(p) === 'breached').length;
  document.getElementById('status').textContent = `${products.length} products on ${mesh.bootstrapServers ?? '?'}`
      + (breached ? ` · ${breached} breaching an SLA` : '') + ` · refreshed ${new Date().toLocaleTimeString()}`;
  document.body.dataset.products = String(products.length);
  for (const details of document.querySelectorAll('article.product details')) {
    const id = details.closest('article').dataset.product, key = `${id}|${details.dataset.section}`;
    details.addEventListener('toggle', () => {
      if (details.open && !open.has(key)) {
        open.add(key);
        if (details.dataset.section === 'records') loadSamples(id);
      } else if (!details.open) {
        open.delete(key);
      }
    });
    // An open records panel follows the topic: its records are read again with every refresh.
    if (details.open && details.dataset.section === 'records') loadSamples(id);
  }
}

async function refresh() {
  try {
    const response = await fetch('/api/mesh', {cache: 'no-store'});
    render(await response.json());
  } catch (e) {
    document.getElementById('status').textContent = `The portal is not answering: ${e}`;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
