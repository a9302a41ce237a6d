'use strict';
// The attribution-graph page: search, attribution chains and the blast radius of a managed service
// provider, drawn with Cytoscape.js. Every view is named by the URL fragment, so it can be
// bookmarked or shared:  #chains=<id>&maxHops=6&minConfidence=0&asOf=2018-12-19  or  #blast-radius=<id>

const $ = id => document.getElementById(id);

// Colour and shape of each node type (the legend is drawn from the same table).
const TYPES = {
  ThreatGroup: ['#b03a2e', 'hexagon'],
  Person: ['#7d3c98', 'ellipse'],
  Organization: ['#2874a6', 'round-rectangle'],
  Agency: ['#ca6f1e', 'diamond'],
  Country: ['#1e8449', 'octagon'],
  Campaign: ['#148f77', 'tag'],
  Incident: ['#a04000', 'triangle'],
  Software: ['#566573', 'rhomboid'],
  Sector: ['#839192', 'round-rectangle'],
  Source: ['#99a3a4', 'rectangle'],
};
const OTHER_TYPE = ['#7f8c8d', 'ellipse'];
// Sector colours in the blast radius, most frequent sector first; the rest share grey.
const SECTOR_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd',
  '#8c564b', '#e377c2', '#bcbd22', '#17becf', '#393b79'];
const NO_SECTOR = '#b3b6b7';

const STYLE = [
  { selector: 'node', style: {
    'background-color': 'data(color)', shape: 'data(shape)', label: 'data(label)', width: 26, height: 26,
    'border-width': 1, 'border-color': '#ffffff', color: '#1c2833', 'font-size': 15,
    'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': 170,
    'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
    'min-zoomed-font-size': 7 } },
  { selector: 'node.side', style: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 6, 'text-margin-y': 0 } },
  { selector: 'node.origin', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#1c2833', 'font-weight': 'bold' } },
  { selector: 'node.state', style: { width: 56, height: 56, 'border-width': 5, 'border-color': '#0b5345', 'font-size': 17, 'font-weight': 'bold' } },
  { selector: 'node.provider', style: { width: 52, height: 52, 'border-width': 4, 'border-color': '#1c2833', 'font-size': 15, 'font-weight': 'bold' } },
  { selector: 'edge', style: {
    width: 'mapData(confidence, 0, 100, 1, 5)', 'curve-style': 'bezier',
    'line-color': '#a6acaf', 'target-arrow-color': '#a6acaf', 'target-arrow-shape': 'triangle',
    label: 'data(label)', 'font-size': 12, color: '#34495e', 'text-events': 'yes',
    'text-background-color': '#ffffff', 'text-background-opacity': 1, 'text-background-padding': 2 } },
  { selector: 'edge:selected', style: { 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', color: '#c0392b', 'font-weight': 'bold' } },
  { selector: 'edge.serves', style: { label: '', width: 1, 'line-color': '#d5d8dc', 'target-arrow-shape': 'none', 'curve-style': 'straight' } },
  { selector: '.faded', style: { opacity: 0.15 } },
];

let cy;               // the Cytoscape instance (also window.cy)
let pending = 0;      // requests in flight, for the loading line
let view = 0;         // grows with every new view; answers meant for an older view are dropped
let searchSeq = 0;    // the same for searches
let hops = new Map(); // edge id -> hop of the chains shown, for the sources panel
let chainsOf = null;  // id of the entity whose chains are shown, for the options form
const mspOf = new Map(); // entity id -> whether it carries the MSP label

// Shows a line in the status bar: kind '' (plain), 'loading' or 'error'.
function setStatus(text, kind) {
  $('status').textContent = text;
  $('status').className = kind || '';
}

// Counts requests in flight; "Loading..." shows while any runs.
function busy(delta) {
  pending += delta;
  if (pending > 0) setStatus('Loading...', 'loading');
  else if ($('status').className === 'loading') setStatus('');
}

function showError(e) {
  console.warn(e);
  setStatus('Error: ' + e.message, 'error');
}

// The error for a refused request: the access rules' refusals said plainly, else the problem's detail.
function failure(res, body) {
  const detail = (body && (body.detail || body.title)) || res.statusText || 'request failed';
  if (res.status === 401) {
    return new Error(($('api-key').value.trim() ? 'The API key was not accepted' : 'This needs an API key')
      + ` (HTTP 401): ${detail}`);
  }
  if (res.status === 403) return new Error(`The role of this API key does not allow this (HTTP 403): ${detail}`);
  return new Error(`${detail} (HTTP ${res.status})`);
}

// GETs a JSON answer. Throws an Error with the problem detail (4xx/5xx) or the network failure.
async function api(path) {
  const headers = { Accept: 'application/json' };
  const key = $('api-key').value.trim();
  if (key) headers['X-API-Key'] = key;
  busy(+1);
  try {
    let res;
    try {
      res = await fetch(path, { headers });
    } catch (e) {
      throw new Error('could not reach the server (' + e.message + ')');
    }
    const body = await res.json().catch(() => null);
    if (!res.ok) throw failure(res, body);
    if (body === null) throw new Error('the server answered with something that is not JSON');
    return body;
  } finally {
    busy(-1);
  }
}

// The export of what is on screen, in one format: the chains of the entity, or the blast radius.
function exportPath(format) {
  const id = $('entity').dataset.id;
  if (!id) return null;
  if (!$('blast-panel').hidden) {
    return '/api/export/blast-radius?' + new URLSearchParams({ msp: id, depth: '2', format });
  }
  return '/api/export/chain?' + new URLSearchParams({ from: chainsOf || id, format });
}
window.exportPath = exportPath;

// Downloads an export (fetched, so the API key goes along), or shows why it was refused.
async function download(format) {
  const path = exportPath(format);
  if (!path) return;
  const headers = {};
  const key = $('api-key').value.trim();
  if (key) headers['X-API-Key'] = key;
  busy(+1);
  try {
    const res = await fetch(path, { headers });
    if (!res.ok) throw failure(res, await res.json().catch(() => null));
    const name = (/filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') || '') || [])[1] || 'export';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await res.blob());
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (e) {
    showError(e);
  } finally {
    busy(-1);
  }
}

// Makes an element with a class and text.
function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

// Searches names and aliases and lists the matches as buttons.
async function search(text, explicit) {
  const list = $('search-results');
  const q = text.trim();
  const mine = ++searchSeq;
  if (!q || (!explicit && !/[\p{L}\p{N}]/u.test(q))) { list.replaceChildren(); return; }
  try {
    const answer = await api('/api/entities?q=' + encodeURIComponent(q) + '&limit=20');
    if (mine !== searchSeq) return;
    list.replaceChildren(...answer.items.map(resultItem));
    if (!answer.items.length) list.append(el('li', 'No match', 'empty'));
  } catch (e) {
    if (mine !== searchSeq) return;
    list.replaceChildren();
    showError(e);
  }
}

// One search result: name, type and aliases; picking it opens its chains.
function resultItem(item) {
  const button = el('button', null, 'result');
  button.type = 'button';
  button.dataset.id = item.id;
  button.dataset.type = item.type;
  button.append(el('span', item.name, 'name'), ' ', el('span', item.type, 'type'));
  if (item.aliases && item.aliases.length) button.append(el('span', item.aliases.join(', '), 'aliases'));
  button.addEventListener('click', () => go({ chains: item.id }));
  const li = el('li');
  li.append(button);
  return li;
}

// Moves to a view by setting the fragment (and shows it again if the fragment is unchanged).
function go(params) {
  const hash = '#' + new URLSearchParams(params);
  if (location.hash === hash) route();
  else location.hash = hash;
}

// Shows the view the fragment names.
function route() {
  const p = new URLSearchParams(location.hash.slice(1));
  if (p.get('chains')) showChains(p.get('chains'), p);
  else if (p.get('blast-radius')) showBlastRadius(p.get('blast-radius'));
}

// Switches the panels between the 'chains' and 'blast' views and empties the graph.
function startView(name, title) {
  const chains = name === 'chains';
  $('chains-panel').hidden = !chains;
  $('sources-panel').hidden = !chains;
  $('chain-options').hidden = !chains;
  $('blast-panel').hidden = chains;
  $('view-title').textContent = title;
  $('export').hidden = false;
  cy.elements().remove();
  hops = new Map();
  $('legend').replaceChildren();
  return ++view;
}

// Shows the selected entity and, for an Organization, offers the blast radius if it is an MSP.
async function showEntity(ref, isMsp) {
  $('entity').hidden = false;
  $('entity').dataset.id = ref.id;
  $('entity-name').textContent = ref.name;
  $('entity-type').textContent = ref.type;
  if (isMsp) mspOf.set(ref.id, true);
  $('show-blast-radius').hidden = !mspOf.get(ref.id);
  if (ref.type !== 'Organization' || mspOf.has(ref.id)) return;
  try {
    const entity = await api('/api/entities/' + encodeURIComponent(ref.id));
    mspOf.set(ref.id, (entity.labels || []).includes('MSP'));
    if ($('entity').dataset.id === ref.id) $('show-blast-radius').hidden = !mspOf.get(ref.id);
  } catch (e) {
    showError(e);
  }
}

// Loads and draws the attribution chains of one entity, with the options from the fragment.
async function showChains(id, p) {
  const mine = startView('chains', 'Attribution chains');
  chainsOf = id;
  const query = new URLSearchParams({ from: id });
  for (const [name, input] of [['maxHops', 'max-hops'], ['minConfidence', 'min-confidence'], ['asOf', 'as-of']]) {
    const value = p.get(name);
    $(input).value = value || $(input).defaultValue;
    if (value) query.set(name, value);
  }
  $('chains').replaceChildren(el('li', 'Loading...', 'empty'));
  $('sources').replaceChildren(el('p', 'Click an edge in the graph, or a hop in a chain, to list its sources.', 'empty'));
  try {
    const answer = await api('/api/attribution/chains?' + query);
    if (mine !== view) return;
    showEntity(answer.from);
    drawChains(answer);
  } catch (e) {
    if (mine !== view) return;
    $('chains').replaceChildren(el('li', 'No chains shown.', 'empty'));
    showError(e);
  }
}

// Draws the union of all chains (nodes by id, edges by from-relation-to) and lists the chains.
function drawChains(answer) {
  const nodes = new Map();
  const edges = new Map();
  const states = new Set(answer.chains.map(c => c.state.id));
  const addNode = ref => {
    if (nodes.has(ref.id)) return;
    const [color, shape] = TYPES[ref.type] || OTHER_TYPE;
    const classes = ['side', states.has(ref.id) ? 'state' : '', ref.id === answer.from.id ? 'origin' : ''].join(' ');
    nodes.set(ref.id, { data: { id: ref.id, label: ref.name, type: ref.type, color, shape }, classes });
  };
  addNode(answer.from);
  answer.chains.forEach(chain => chain.hops.forEach(hop => {
    addNode(hop.from);
    addNode(hop.to);
    const key = hop.from.id + '|' + hop.relation + '|' + hop.to.id;
    if (edges.has(key)) return;
    const id = 'hop' + edges.size;
    hops.set(id, hop);
    edges.set(key, { data: { id, source: hop.from.id, target: hop.to.id, relation: hop.relation,
      confidence: hop.confidence, label: hop.relation + ' ' + hop.confidence } });
  }));
  cy.add([...nodes.values(), ...edges.values()]);
  const positions = chainPositions(answer);
  cy.layout({ name: 'preset', positions: node => positions.get(node.id()), padding: 40 }).run();
  notTooClose();
  legend([...new Set([...nodes.values()].map(n => n.data.type))]
    .map(type => [type, (TYPES[type] || OTHER_TYPE)[0]]));
  listChains(answer, edges);
  setStatus(answer.chains.length + (answer.chains.length === 1 ? ' chain' : ' chains') + ' from ' + answer.from.name);
}

// Positions of the chain drawing: one row per distance from the origin (the longest, so the states
// sit at the bottom), one column per chain; a node stays in the column of the best chain it is on.
function chainPositions(answer) {
  const depth = new Map([[answer.from.id, 0]]);
  const column = new Map([[answer.from.id, 0]]);
  let columns = 0;
  answer.chains.forEach(chain => {
    let added = false;
    chain.hops.forEach(hop => {
      if (!column.has(hop.to.id)) { column.set(hop.to.id, columns); added = true; }
    });
    if (added) columns++;
  });
  const all = answer.chains.flatMap(chain => chain.hops);
  for (let round = 0; round < column.size; round++) {   // bounded, in case the chains form a cycle
    all.forEach(hop => depth.set(hop.to.id, Math.max(depth.get(hop.to.id) ?? 0, (depth.get(hop.from.id) ?? 0) + 1)));
  }
  return new Map([...column].map(([id, c]) => [id, { x: c * 270, y: (depth.get(id) ?? 0) * 100 }]));
}

// Keeps a small drawing (one node, a few clients) from being blown up to fill the frame.
function notTooClose() {
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

// Lists the chains with their path confidence; each hop is a button that shows its sources.
function listChains(answer, edges) {
  const list = $('chains');
  list.replaceChildren();
  if (!answer.chains.length) {
    list.append(el('li', 'No chains to a state found', 'empty'));
    return;
  }
  answer.chains.forEach(chain => {
    const item = el('li', null, 'chain');
    const head = el('button', null, 'chain-head');
    head.type = 'button';
    head.title = 'Highlight this chain in the graph';
    head.append('Path confidence ', el('strong', String(chain.confidence), 'path-confidence'),
      ' to ' + chain.state.name + ', ' + chain.hops.length + (chain.hops.length === 1 ? ' hop' : ' hops'));
    const steps = el('ol', null, 'steps');
    steps.append(el('li', chain.hops.length ? chain.hops[0].from.name : answer.from.name, 'step-origin'));
    const ids = [];
    chain.hops.forEach(hop => {
      const id = edges.get(hop.from.id + '|' + hop.relation + '|' + hop.to.id).data.id;
      ids.push(id, hop.from.id, hop.to.id);
      const button = el('button', hop.relation + ' ' + hop.confidence, 'hop');
      button.type = 'button';
      button.title = 'Sources of this hop';
      button.addEventListener('click', () => selectHop(id));
      const step = el('li');
      step.append(button, ' \u2192 ' + hop.to.name);
      steps.append(step);
    });
    head.addEventListener('click', () => highlight(ids, head));
    item.append(head, steps);
    list.append(item);
  });
}

// Dims everything but one chain; a second click on the same chain shows all again.
function highlight(ids, head) {
  const on = !head.classList.contains('active');
  document.querySelectorAll('.chain-head.active').forEach(b => b.classList.remove('active'));
  cy.elements().removeClass('faded');
  if (!on) return;
  head.classList.add('active');
  const keep = cy.collection(ids.map(id => cy.getElementById(id)));
  cy.elements().difference(keep).addClass('faded');
}

// Selects a hop's edge in the graph and lists its sources.
function selectHop(id) {
  cy.elements(':selected').unselect();
  cy.getElementById(id).select();
  showSources(id);
}

// Lists the sources of one hop: title (a link), kind, publisher, publication date.
function showSources(id) {
  const hop = hops.get(id);
  const panel = $('sources');
  panel.replaceChildren();
  if (!hop) return;
  panel.append(el('p', hop.from.name + ' \u2014 ' + hop.relation + ' ' + hop.confidence + ' \u2192 ' + hop.to.name, 'hop-title'));
  if (hop.asserted) panel.append(el('p', 'Asserted ' + hop.asserted, 'muted'));
  if (!hop.sources.length) {
    panel.append(el('p', 'No sources recorded for this hop.', 'empty'));
    return;
  }
  const list = el('ul', null, 'source-list');
  hop.sources.forEach(s => {
    const item = el('li', null, 'source');
    const title = /^https?:\/\//i.test(s.url || '') ? el('a', s.title || s.url) : el('span', s.title || s.id);
    if (title.tagName === 'A') {
      title.href = s.url;
      title.target = '_blank';
      title.rel = 'noopener noreferrer';
    }
    const meta = el('p', null, 'meta');
    meta.append(el('span', s.kind || 'unknown kind', 'kind'));
    if (s.publisher) meta.append(' ' + s.publisher);
    if (s.published) meta.append(' \u00b7 ', el('time', s.published));
    item.append(title, meta);
    list.append(item);
  });
  panel.append(list);
}

// Loads and draws the clients of a managed service provider in rings by hops.
async function showBlastRadius(id) {
  const mine = startView('blast', 'Blast radius');
  $('client-count').textContent = '';
  $('blast-depth').textContent = '2';
  $('blast-truncated').textContent = '';
  for (const table of ['by-country', 'by-sector']) $(table).tBodies[0].replaceChildren();
  $('threat-groups').replaceChildren(el('li', 'Loading...', 'empty'));
  try {
    const answer = await api('/api/msps/' + encodeURIComponent(id) + '/blast-radius?depth=2&limit=500');
    if (mine !== view) return;
    showEntity({ id: answer.msp.id, type: 'Organization', name: answer.msp.name }, true);
    drawBlastRadius(answer);
  } catch (e) {
    if (mine !== view) return;
    $('threat-groups').replaceChildren();
    showError(e);
  }
}

// Draws the provider in the centre and its clients in rings, coloured by their first sector.
function drawBlastRadius(answer) {
  const clients = answer.clients || [];
  const sectors = sortedCounts(answer.bySector);
  const colour = new Map(sectors.slice(0, SECTOR_COLOURS.length).map(([name], i) => [name, SECTOR_COLOURS[i]]));
  const rings = Math.max(1, ...clients.map(c => c.hops));
  const elements = [{ data: { id: answer.msp.id, label: answer.msp.name, color: '#1c2833', shape: 'round-rectangle', level: rings + 1 }, classes: 'provider' }];
  clients.forEach(c => {
    const sector = (c.sectors || [])[0];
    elements.push({ data: { id: c.id, label: c.name, color: sector ? colour.get(sector) || NO_SECTOR : NO_SECTOR,
      shape: 'ellipse', level: rings + 1 - c.hops } });
    if (c.hops === 1) elements.push({ data: { id: 'serves-' + c.id, source: answer.msp.id, target: c.id, confidence: 0 }, classes: 'serves' });
  });
  cy.add(elements);
  cy.layout({ name: 'concentric', concentric: n => n.data('level'), levelWidth: () => 1,
    minNodeSpacing: 90, avoidOverlap: true, padding: 30, animate: false }).run();
  notTooClose();
  const entries = [...colour.entries()];
  if (clients.some(c => !c.sectors || !c.sectors.length || !colour.has(c.sectors[0]))) entries.push(['other or none', NO_SECTOR]);
  legend(entries, 'First sector: ');
  $('legend').append(el('span', 'Ring n: clients n hops from the provider', 'legend-note'));
  $('client-count').textContent = String(answer.clientCount);
  $('blast-depth').textContent = String(answer.depth);
  $('blast-truncated').textContent = answer.truncated ? '(the first ' + clients.length + ' are drawn)' : '';
  fillCounts('by-country', sortedCounts(answer.byCountry));
  fillCounts('by-sector', sectors);
  const groups = $('threat-groups');
  groups.replaceChildren(...(answer.threatGroups || []).map(g => {
    const item = el('li');
    item.append(el('strong', g.name));
    const via = describe(g.via);
    if (via) item.append(' via ' + via);
    return item;
  }));
  if (!groups.children.length) groups.append(el('li', 'None known', 'empty'));
  setStatus(answer.clientCount + ' clients within ' + answer.depth + ' hops of ' + answer.msp.name);
}

// The entries of a {name: count} object, largest count first.
function sortedCounts(counts) {
  return Object.entries(counts || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

// Fills the body of a two-column count table.
function fillCounts(tableId, entries) {
  const body = $(tableId).tBodies[0];
  body.replaceChildren(...entries.map(([name, count]) => {
    const row = el('tr');
    row.append(el('td', name), el('td', String(count), 'num'));
    return row;
  }));
  if (!entries.length) body.append(el('tr')).append(el('td', 'None', 'empty'));
}

// Text for a value of unknown shape (a name, an entity, or a list of them).
function describe(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(describe).filter(Boolean).join(', ');
  if (typeof value === 'object') return value.name || value.id || '';
  return String(value);
}

// Shows colour swatches with their names under the graph.
function legend(entries, prefix) {
  const box = $('legend');
  box.replaceChildren();
  if (prefix) box.append(el('span', prefix, 'legend-title'));
  entries.forEach(([name, color]) => {
    const item = el('span', null, 'legend-item');
    const swatch = el('span', null, 'swatch');
    swatch.style.backgroundColor = color;
    item.append(swatch, name);
    box.append(item);
  });
}

// Wires the controls, creates the graph and shows the view the fragment names.
function start() {
  cy = window.cy = cytoscape({ container: $('graph'), style: STYLE, elements: [],
    minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false, selectionType: 'single' });
  cy.on('tap', 'edge', e => { if (hops.has(e.target.id())) showSources(e.target.id()); });

  let timer;
  $('search-input').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search($('search-input').value, false), 250);
  });
  $('search-form').addEventListener('submit', e => {
    e.preventDefault();
    clearTimeout(timer);
    search($('search-input').value, true);
  });
  $('show-chains').addEventListener('click', () => go({ chains: $('entity').dataset.id }));
  $('show-blast-radius').addEventListener('click', () => go({ 'blast-radius': $('entity').dataset.id }));
  for (const button of $('export').querySelectorAll('button')) {
    button.addEventListener('click', () => download(button.dataset.format));
  }
  $('chain-options').addEventListener('submit', e => {
    e.preventDefault();
    const params = { chains: chainsOf };
    if ($('max-hops').value) params.maxHops = $('max-hops').value;
    if ($('min-confidence').value) params.minConfidence = $('min-confidence').value;
    if ($('as-of').value) params.asOf = $('as-of').value;
    go(params);
  });
  // Another key may see more or less: ask again for what is on screen.
  $('api-key').addEventListener('change', () => {
    setStatus('');
    if ($('search-input').value.trim()) search($('search-input').value, true);
    route();
  });
  window.addEventListener('hashchange', route);
  route();
}

start();
