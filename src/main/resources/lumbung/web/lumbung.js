// Lumbung's search and record pages. Harvested text is untrusted: every value reaches the page as a text node
// (textContent, createTextNode), never through innerHTML; highlights arrive as segments and become <mark> elements
// made here; a link is made only for an http(s) address. The Content-Security-Policy forbids inline script as well.
'use strict';

const FACETS = [['source', 'Source'], ['year', 'Year'], ['type', 'Type'], ['language', 'Language'],
  ['subject', 'Subject'], ['access', 'Access']];
const DC = ['title', 'creator', 'subject', 'description', 'publisher', 'contributor', 'date', 'type', 'format',
  'identifier', 'source', 'language', 'relation', 'coverage', 'rights'];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat(Infinity).forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function isWebAddress(value) {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value.trim());
}

function link(value, text) {
  return isWebAddress(value) ? el('a', {href: value.trim(), rel: 'noopener noreferrer nofollow'}, text || value)
    : document.createTextNode(String(text || value));
}

function marked(segments) {
  return segments.map(s => s.match ? el('mark', {}, s.text) : document.createTextNode(s.text));
}

function searchUrl(params) {
  const q = params.toString();
  return '/' + (q ? '?' + q : '');
}

function toggled(params, name, value) {
  const next = new URLSearchParams(params);
  const values = next.getAll(name);
  next.delete(name);
  next.delete('page');
  (values.includes(value) ? values.filter(v => v !== value) : values.concat([value])).forEach(v => next.append(name, v));
  return next;
}

// The citation exports: BibTeX, RIS and CSL-JSON, saved as files (the server names them).
const CITE_FORMATS = [['bibtex', 'BibTeX'], ['ris', 'RIS'], ['csl-json', 'CSL-JSON']];

function citeLinks(label, path, params) {
  return el('p', {class: 'cite'}, label + ': ', CITE_FORMATS.map(([format, name], i) => {
    const query = new URLSearchParams(params);
    query.set('format', format);
    return [i ? ' · ' : '', el('a', {href: path + '?' + query.toString(), 'data-format': format}, name)];
  }));
}

async function getJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return body;
}

function renderFacets(params, facets) {
  const aside = document.getElementById('facets');
  aside.replaceChildren();
  const wide = window.matchMedia('(min-width: 46rem)').matches;
  FACETS.forEach(([name, label]) => {
    const values = facets[name] || [];
    if (values.length === 0) {
      return;
    }
    const items = values.map(v => el('li', {}, el('a', {
      href: searchUrl(toggled(params, name, v.value)), class: v.selected ? 'selected' : '',
      'data-facet': name, 'data-value': v.value
    }, el('span', {class: 'value'}, v.label || v.value), el('span', {class: 'count'}, v.count))));
    // Each facet folds away (a <details>): open on a wide screen, or when it holds a chosen value; on a narrow one
    // the facets sit below the results, closed, so the first result is in view at once.
    const facet = el('details', {class: 'facet', 'data-facet': name}, el('summary', {}, el('h2', {}, label)),
      el('ul', {}, items));
    facet.open = wide || values.some(v => v.selected);
    aside.append(facet);
  });
}

function renderHit(hit) {
  const titleParts = hit.highlights.title && hit.highlights.title.length ? marked(hit.highlights.title[0])
    : [hit.title || '(no title)'];
  const meta = [hit.creators.slice(0, 4).join('; ') + (hit.creators.length > 4 ? ' et al.' : ''),
    hit.year, hit.type, hit.source, hit.versions > 1 ? hit.versions + ' versions' : null].filter(Boolean).join(' · ');
  const li = el('li', {class: 'hit', 'data-id': hit.id},
    el('h2', {}, el('a', {href: '/record?id=' + encodeURIComponent(hit.id)}, titleParts)),
    el('p', {class: 'meta'}, meta));
  const fragments = hit.highlights.description || [];
  if (fragments.length) {
    const snippet = el('p', {class: 'snippet'});
    fragments.forEach((f, i) => snippet.append(...(i ? [' … '] : []), ...marked(f)));
    li.append(snippet);
  }
  return li;
}

function renderPager(params, result) {
  const pager = document.getElementById('pager');
  pager.replaceChildren();
  const pages = result.pages;
  if (pages <= 1 || result.page > pages) {
    return;
  }
  const at = (p) => { const next = new URLSearchParams(params); next.set('page', p); return searchUrl(next); };
  if (result.page > 1) {
    pager.append(el('a', {href: at(result.page - 1), rel: 'prev'}, '‹ Previous'));
  }
  for (let p = Math.max(1, result.page - 3); p <= Math.min(pages, result.page + 3); p++) {
    pager.append(p === result.page ? el('span', {class: 'current'}, p) : el('a', {href: at(p)}, p));
  }
  if (result.page < pages) {
    pager.append(el('a', {href: at(result.page + 1), rel: 'next'}, 'Next ›'));
  }
}

async function searchPage() {
  const params = new URLSearchParams(location.search);
  document.getElementById('q').value = params.get('q') || '';
  document.getElementById('sort').value = params.get('sort') || 'relevance';
  const summary = document.getElementById('summary');
  try {
    // The page lists works (one hit for the copies of an article in several sources) unless asked for records.
    const asked = new URLSearchParams(params);
    if (!asked.has('group')) {
      asked.set('group', 'works');
    }
    const unit = asked.get('group') === 'works' ? 'work' : 'record';
    const result = await getJson('/api/search?' + asked.toString());
    // A feed reader finds the search's Atom feed from the page (the same search, newest first).
    const feed = new URLSearchParams(params);
    feed.delete('page');
    document.head.append(el('link', {rel: 'alternate', type: 'application/atom+xml', title: 'Lumbung feed',
      href: '/feed?' + feed.toString()}));
    const shown = result.query === '*' ? 'all ' + unit + 's' : '“' + result.query + '”';
    summary.textContent = result.total.toLocaleString('en') + ' ' + unit + (result.total === 1 ? '' : 's')
      + ' for ' + shown;
    document.getElementById('notice').replaceChildren(...notices(params, result));
    document.getElementById('hits').replaceChildren(...result.hits.map(renderHit));
    const listed = new URLSearchParams(params);
    listed.delete('page');
    listed.delete('size');
    document.getElementById('cite').replaceChildren(...(result.total ? [citeLinks(result.total > 1000
      ? 'Cite the first 1,000' : 'Cite these', '/api/search/export', listed)] : []));
    renderFacets(params, result.facets);
    renderPager(params, result);
  } catch (e) {
    // A 400 is the reader's query or parameter, told as the server words it; anything else is Lumbung's failure.
    summary.textContent = e.status === 400 ? e.message : 'Search failed: ' + e.message;
    summary.classList.add('problem');
  }
}

// What to do next when a page shows nothing: go back to the last page, or drop one of the chosen facet values.
function notices(params, result) {
  if (result.notice) {
    const last = new URLSearchParams(params);
    last.set('page', result.pages);
    return [el('p', {class: 'note', 'data-notice': 'past-end'}, result.notice + '. ',
      el('a', {href: searchUrl(last), rel: 'last'}, 'Go to page ' + result.pages))];
  }
  if (result.total > 0) {
    return [];
  }
  const chosen = FACETS.flatMap(([name, label]) => params.getAll(name).filter(v => v !== '').map(value => {
    const known = (result.facets[name] || []).find(v => v.value === value);
    return el('a', {href: searchUrl(toggled(params, name, value)), class: 'remove', 'data-facet': name,
      'data-value': value}, label + ': ' + (known && known.label ? known.label : value) + ' ✕');
  }));
  return chosen.length ? [el('p', {class: 'note', 'data-notice': 'no-results'}, 'Nothing matches all the filters. '
    + 'Remove one: ', chosen.flatMap((a, i) => [i ? ' · ' : '', a]))] : [];
}

function valueCell(values, languages) {
  return el('td', {}, values.map((v, i) => el('p', {},
    isWebAddress(v) ? link(v) : v,
    languages && languages[i] && languages[i] !== 'und' ? el('span', {class: 'lang'}, languages[i]) : [])));
}

function table(rows) {
  return el('table', {}, el('tbody', {}, rows.map(([name, cell]) => el('tr', {}, el('th', {}, name), cell))));
}

function flatten(prefix, value, rows) {
  if (Array.isArray(value) && value.some(v => v !== null && typeof v === 'object')) {
    value.forEach((v, i) => flatten(prefix + '[' + (i + 1) + ']', v, rows));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    Object.keys(value).forEach(k => flatten(prefix ? prefix + '.' + k : k, value[k], rows));
  } else if (value !== null && value !== undefined) {
    rows.push([prefix, valueCell(Array.isArray(value) ? value.map(String) : [String(value)])]);
  }
}

async function recordPage() {
  const main = document.getElementById('record');
  const id = new URLSearchParams(location.search).get('id');
  try {
    const view = await getJson('/api/record?id=' + encodeURIComponent(id || ''));
    const r = view.record;
    const dc = r.dc || {};
    const lang = r.lang || {};
    const title = (dc.title || [])[0] || '(no title)';
    document.title = 'Lumbung · ' + title;
    const parts = [el('h1', {}, title)];
    if (r.deleted) {
      parts.push(el('p', {class: 'note'}, 'The source reported this record deleted; only its identifiers remain.'));
    }
    if (view.original) {
      parts.push(el('p', {class: 'original'}, 'Original: ', link(view.original)));
    }
    if (!r.deleted) {
      parts.push(citeLinks('Cite', '/api/record/export', {id: view.id}));
    }
    parts.push(el('h2', {}, 'Dublin Core'),
      table(DC.filter(e => (dc[e] || []).length).map(e => ['dc:' + e, valueCell(dc[e], lang[e])])));
    const derived = [];
    flatten('', r.derived || {}, derived);
    if (derived.length) {
      parts.push(el('h2', {}, 'Derived'), table(derived));
    }
    if ((r.quality || []).length) {
      parts.push(el('h2', {}, 'Quality'), table([['lacks', valueCell(r.quality)]]));
    }
    const provenance = [];
    (r.provenance || []).forEach((p, i) => flatten('source ' + (i + 1), p, provenance));
    parts.push(el('h2', {}, 'Provenance'), table(provenance));
    const versions = view.versions || [];
    if (versions.length > 1) {
      parts.push(el('h2', {}, 'Versions (' + versions.length + ')'), el('ul', {class: 'versions'},
        ...versions.map(v => el('li', {'data-record': v.record},
          v.record === view.id ? (v.title || v.record) : el('a', {href: '/record?id=' + encodeURIComponent(v.record)},
            v.title || v.record),
          ' · ' + [v.source, v.format, v.doi ? 'doi:' + v.doi : null].filter(Boolean).join(' · ') + ' · ',
          link(v.url || v.oaiIdentifier || '', v.url || v.oaiIdentifier || '')))));
    }
    const similar = view.similar || [];
    if (similar.length) {
      parts.push(el('h2', {}, 'Similar records'), el('ul', {class: 'similar'},
        ...similar.map(m => el('li', {'data-record': m.id},
          el('a', {href: '/record?id=' + encodeURIComponent(m.id)}, m.title || m.id),
          ' · ' + [(m.creators || []).slice(0, 3).join('; '), m.year, m.source].filter(Boolean).join(' · ')))));
    }
    const getRecord = '/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=' + encodeURIComponent(view.oaiIdentifier);
    const lumbung = [['id', valueCell([view.id])],
      ['OAI-PMH identifier', el('td', {}, el('a', {href: getRecord}, view.oaiIdentifier))],
      ['source', valueCell([(r.source || {}).id])], ['indexed at', valueCell([r.indexedAt])]];
    flatten('oai', r.oai || {}, lumbung);
    parts.push(el('h2', {}, 'In Lumbung'), table(lumbung));
    main.replaceChildren(...parts);
  } catch (e) {
    main.replaceChildren(el('p', {class: 'note'}, 'This record cannot be shown: ' + e.message));
  }
}

if (document.body.dataset.page === 'record') {
  recordPage();
} else {
  searchPage();
}
