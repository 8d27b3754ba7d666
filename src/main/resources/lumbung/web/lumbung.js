// Lumbung's search and record pages. Harvested text is untrusted: every value reaches the page as a text node
// (textContent, createTextNode), never through innerHTML; highlights arrive as segments and become <mark> elements
// made here; a link is made only for an http(s) address. The Content-Security-Policy forbids inline script as well.
'use strict';

const FACETS = [['source', 'Source'], ['author', 'Author'], ['year', 'Year'], ['type', 'Type'],
  ['language', 'Language'], ['subject', 'Subject'], ['access', 'Access']];
// Filters that are not facet values: a range of years and open access only (named when they leave nothing).
const NARROWING = [['year_from', 'From'], ['year_to', 'To'], ['open', 'Open access only']];

// The reader's language, Indonesian or English: the page's switch (?lang=id|en), else the browser's first choice of
// the two. Titles and abstracts in it come first, the others beside them.
function langBase(code) {
  const base = String(code || '').toLowerCase().split(/[-_]/)[0];
  return ({in: 'id', ind: 'id', eng: 'en'})[base] || base;
}

function readerLang() {
  const chosen = new URLSearchParams(location.search).get('lang');
  if (chosen === 'id' || chosen === 'en') {
    return chosen;
  }
  const preferred = (navigator.languages || [navigator.language]).map(langBase).find(l => l === 'id' || l === 'en');
  return preferred || 'en';
}

// The texts in the reader's language first, the rest in their order.
function readerFirst(texts) {
  const lang = readerLang();
  return texts.filter(t => langBase(t.lang) === lang).concat(texts.filter(t => langBase(t.lang) !== lang));
}

// A language's name in the reader's language: the server names it "English / Indonesian".
function languageName(name) {
  const parts = String(name).split(' / ');
  return readerLang() === 'id' && parts.length > 1 ? parts[1] : parts[0];
}

function langTag(text) {
  return text.langName ? [' ', el('span', {class: 'lang'}, languageName(text.langName))] : [];
}

function langSwitch() {
  const params = new URLSearchParams(location.search);
  const current = readerLang();
  return el('nav', {class: 'lang-switch', 'aria-label': 'Language'}, [['en', 'English'], ['id', 'Bahasa Indonesia']]
    .map(([code, name], i) => {
      const next = new URLSearchParams(params);
      next.set('lang', code);
      return [i ? ' · ' : '', code === current ? el('strong', {'data-lang': code}, name)
        : el('a', {href: location.pathname + '?' + next.toString(), 'data-lang': code, hreflang: code}, name)];
    }));
}
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

function citeLinks(label, path, params, tag) {
  return el(tag || 'p', {class: 'cite'}, label + ': ', CITE_FORMATS.map(([format, name], i) => {
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
  aside.append(narrowing(params, wide));
}

// The year range and "open access only": a form of its own that keeps the search and the chosen facet values.
function narrowing(params, wide) {
  const form = el('form', {class: 'narrow', action: '/', method: 'get'});
  for (const [name, value] of params) {
    if (!['year_from', 'year_to', 'open', 'page'].includes(name)) {
      form.append(el('input', {type: 'hidden', name: name, value: value}));
    }
  }
  const year = (name, label) => el('label', {}, label + ' ', el('input', {type: 'number', name: name, min: '1500',
    max: '2100', inputmode: 'numeric', value: params.get(name) || '', 'data-filter': name}));
  const open = el('input', {type: 'checkbox', name: 'open', value: 'true', 'data-filter': 'open'});
  open.checked = params.get('open') === 'true';
  open.addEventListener('change', () => form.requestSubmit());
  const body = el('div', {}, el('p', {class: 'years'}, year('year_from', 'From'), ' ', year('year_to', 'to'), ' ',
    el('button', {type: 'submit'}, 'Apply')), el('p', {}, el('label', {}, open, ' Open access only')));
  const details = el('details', {class: 'facet', 'data-facet': 'narrow'}, el('summary', {}, el('h2', {}, 'Years and access')),
    body);
  details.open = wide || params.has('year_from') || params.has('year_to') || params.has('open');
  form.append(details);
  return form;
}

// A value as marked by the search when a marked passage reads exactly as it does, else as it is.
function markedOr(text, fragments) {
  const found = (fragments || []).find(f => f.map(seg => seg.text).join('') === text);
  return found ? marked(found) : [text];
}

function authorList(authors, fragments, limit) {
  const shown = authors.slice(0, limit);
  return shown.map((a, i) => [i ? '; ' : '', el('span', {class: 'author'}, markedOr(a.name, fragments),
    a.orcid ? [' ', orcidMark(a)] : [])]).concat(authors.length > limit ? [' et al.'] : []);
}

function orcidMark(author) {
  return el('a', {class: 'orcid', href: 'https://orcid.org/' + author.orcid, rel: 'noopener noreferrer',
    title: 'ORCID ' + author.orcid, 'aria-label': 'ORCID iD of ' + author.name}, 'iD');
}

// Open access, another stated access, or none stated; the licence, linked to its deed when known.
function badges(hit) {
  const access = hit.openAccess ? el('span', {class: 'badge oa', 'data-badge': 'access'}, 'Open access')
    : el('span', {class: 'badge', 'data-badge': 'access'}, hit.access ? 'Access: ' + hit.access : 'Access not stated');
  const parts = [access];
  if (hit.licence) {
    parts.push(' ', hit.licence.uri ? el('a', {class: 'badge licence', href: hit.licence.uri, rel: 'license noopener',
      'data-badge': 'licence'}, hit.licence.label) : el('span', {class: 'badge licence', 'data-badge': 'licence'},
      hit.licence.label));
  }
  return parts;
}

// The article's own page, its full text (a PDF, or an OJS galley's view page) and the DOI, where known.
function links(hit) {
  const out = [];
  if (hit.landing) {
    out.push(el('a', {href: hit.landing, rel: 'noopener noreferrer nofollow', 'data-link': 'landing'}, 'Article page'));
  }
  if (hit.fullText) {
    out.push(el('a', {href: hit.fullText, rel: 'noopener noreferrer nofollow', 'data-link': 'full-text'},
      /\.pdf$|\/article\/download\//i.test(hit.fullText) ? 'Full text (PDF)' : 'Full text'));
  }
  if (hit.doi) {
    out.push(link('https://doi.org/' + encodeURIComponent(hit.doi).replace(/%2F/g, '/'), 'doi:' + hit.doi));
  }
  return out.flatMap((a, i) => [i ? ' · ' : '', a]);
}

function renderHit(hit) {
  const titles = readerFirst(hit.titles || []);
  const first = titles.length ? titles[0] : null;
  const titleParts = first ? markedOr(first.value, hit.highlights.title) : ['(no title)'];
  const h2 = el('h2', {}, el('a', {href: '/record?id=' + encodeURIComponent(hit.id)}, titleParts));
  if (first && first.lang !== 'und') {
    h2.setAttribute('lang', first.lang);
  }
  const li = el('li', {class: 'hit', 'data-id': hit.id}, h2);
  titles.slice(1).forEach(t => li.append(el('p', {class: 'other-title', lang: t.lang === 'und' ? '' : t.lang},
    markedOr(t.value, hit.highlights.title), langTag(t))));
  if ((hit.authors || []).length) {
    li.append(el('p', {class: 'authors'}, authorList(hit.authors, hit.highlights.creator, 4)));
  }
  const where = hit.journal || hit.sourceName || hit.source;
  const meta = [hit.year, where, hit.type, (hit.languageNames || []).map(languageName).join(', '),
    hit.versions > 1 ? hit.versions + ' versions' : null].filter(Boolean).join(' · ');
  li.append(el('p', {class: 'meta'}, meta), el('p', {class: 'badges'}, badges(hit)));
  const fragments = hit.highlights.description || [];
  const summary = readerFirst(hit.abstracts || [])[0];
  if (fragments.length) {
    const snippet = el('p', {class: 'snippet'});
    fragments.forEach((f, i) => snippet.append(...(i ? [' … '] : []), ...marked(f)));
    li.append(snippet);
  } else if (summary) {
    li.append(el('p', {class: 'snippet', lang: summary.lang === 'und' ? '' : summary.lang}, summary.value));
  }
  const actions = el('p', {class: 'links'}, links(hit));
  actions.append(...(actions.childNodes.length ? [' · '] : []),
    citeLinks('Cite', '/api/record/export', {id: hit.id}, 'span'));
  li.append(actions);
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
  document.querySelector('.bar').append(langSwitch());
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
    ['page', 'cursor', 'sort', 'group', 'lang'].forEach(p => feed.delete(p));
    document.head.append(el('link', {rel: 'alternate', type: 'application/atom+xml', title: 'Lumbung feed',
      href: '/api/search/feed?' + feed.toString()}));
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
  const chosen = FACETS.concat(NARROWING).flatMap(([name, label]) => params.getAll(name).filter(v => v !== '').map(value => {
    const known = (result.facets[name] || []).find(v => v.value === value);
    return el('a', {href: searchUrl(toggled(params, name, value)), class: 'remove', 'data-facet': name,
      'data-value': value}, (name === 'open' ? label : label + ': ' + (known && known.label ? known.label : value)) + ' ✕');
  }));
  return chosen.length ? [el('p', {class: 'note', 'data-notice': 'no-results'}, 'Nothing matches all the filters. '
    + 'Remove one: ', chosen.flatMap((a, i) => [i ? ' · ' : '', a]))] : [];
}

function valueCell(values, languages) {
  return el('td', {}, values.map((v, i) => el('p', {},
    isWebAddress(v) ? link(v) : v,
    languages && languages[i] && languages[i] !== 'und' ? [' ', el('span', {class: 'lang', title: 'language tag'},
      languages[i])] : [])));
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

// The record as a reader reads it: title (the reader's language first, the others beside it), authors with
// affiliations and ORCID, where and when, badges and links, the abstracts each in its language, keywords and the
// sources it came from; then the metadata (Dublin Core, derived values, provenance), and the raw record on request.
function readerSection(view) {
  const r = view.record;
  const s = view.summary;
  const titles = readerFirst(s.titles);
  const parts = [el('h1', {lang: titles.length && titles[0].lang !== 'und' ? titles[0].lang : ''},
    titles.length ? titles[0].value : '(no title)', titles.length ? langTag(titles[0]) : [])];
  titles.slice(1).forEach(t => parts.push(el('p', {class: 'other-title', lang: t.lang === 'und' ? '' : t.lang},
    t.value, langTag(t))));
  if (s.authors.length) {
    parts.push(el('ul', {class: 'people'}, s.authors.map(a => el('li', {class: 'author'}, a.name,
      a.orcid ? [' ', orcidMark(a)] : [], a.affiliation ? el('span', {class: 'affiliation'}, a.affiliation) : []))));
  }
  const j = (r.derived || {}).journal || {};
  const issue = [j.volume ? 'vol. ' + j.volume : null, j.issue ? 'no. ' + j.issue : null,
    j.pages ? 'pp. ' + j.pages : j.firstPage ? 'pp. ' + j.firstPage + (j.lastPage ? '–' + j.lastPage : '') : null];
  const published = (r.derived || {}).published || s.year;
  const meta = [j.title, issue.filter(Boolean).join(', '), published, s.type,
    s.languageNames.map(languageName).join(', ')].filter(Boolean).join(' · ');
  parts.push(el('p', {class: 'meta'}, meta), el('p', {class: 'badges'}, badges(s)));
  const actions = links(s);
  if (actions.length) {
    parts.push(el('p', {class: 'links'}, actions));
  }
  parts.push(citeLinks('Cite', '/api/record/export', {id: view.id}));
  const abstracts = readerFirst(s.abstracts);
  if (abstracts.length) {
    parts.push(el('div', {class: 'abstracts'}, abstracts.map(a => el('section', {class: 'abstract',
      lang: a.lang === 'und' ? '' : a.lang}, el('h2', {}, 'Abstract', langTag(a)), el('p', {}, a.value)))));
  }
  const keywords = (r.dc || {}).subject || [];
  if (keywords.length) {
    parts.push(el('h2', {}, 'Keywords'), el('p', {class: 'keywords'}, keywords.flatMap((k, i) => [i ? '; ' : '', k])));
  }
  parts.push(el('h2', {}, 'Sources'), el('ul', {class: 'sources-list'}, (r.provenance || []).map(p => el('li', {},
    p.sourceId || '', p.datestamp ? ' · ' + p.datestamp : '', p.format ? ' · ' + p.format : '',
    p.url ? [' · ', link(p.url)] : []))));
  return parts;
}

async function recordPage() {
  const main = document.getElementById('record');
  const id = new URLSearchParams(location.search).get('id');
  document.querySelector('.bar').append(langSwitch());
  try {
    const view = await getJson('/api/record?id=' + encodeURIComponent(id || ''));
    const r = view.record;
    const dc = r.dc || {};
    const lang = r.lang || {};
    const parts = [];
    if (r.deleted || !view.summary) {
      parts.push(el('h1', {}, (dc.title || [])[0] || '(no title)'),
        el('p', {class: 'note'}, 'The source reported this record deleted; only its identifiers remain.'));
    } else {
      parts.push(...readerSection(view));
      document.title = 'Lumbung · ' + readerFirst(view.summary.titles).concat([{value: '(no title)'}])[0].value;
    }
    if (view.original) {
      parts.push(el('p', {class: 'original'}, 'Original: ', link(view.original)));
    }
    const metadata = [el('summary', {}, el('h2', {}, 'Metadata')), el('h3', {}, 'Dublin Core'),
      table(DC.filter(e => (dc[e] || []).length).map(e => ['dc:' + e, valueCell(dc[e], lang[e])]))];
    const derived = [];
    flatten('', r.derived || {}, derived);
    if (derived.length) {
      metadata.push(el('h3', {}, 'Derived'), table(derived));
    }
    if ((r.quality || []).length) {
      metadata.push(el('h3', {}, 'Quality'), table([['lacks', valueCell(r.quality)]]));
    }
    const provenance = [];
    const raws = [];
    (r.provenance || []).forEach((p, i) => {
      const {raw, ...rest} = p;
      flatten('source ' + (i + 1), rest, provenance);
      if (raw) {
        raws.push(el('pre', {class: 'raw'}, raw));
      }
    });
    metadata.push(el('h3', {}, 'Provenance'), table(provenance));
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
          ' · ' + [(m.creators || []).slice(0, 3).join('; '), m.year, m.sourceName || m.source].filter(Boolean).join(' · ')))));
    }
    const getRecord = '/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=' + encodeURIComponent(view.oaiIdentifier);
    const lumbung = [['id', valueCell([view.id])],
      ['OAI-PMH identifier', el('td', {}, el('a', {href: getRecord}, view.oaiIdentifier))],
      ['source', valueCell([(r.source || {}).id])], ['indexed at', valueCell([r.indexedAt])]];
    flatten('oai', r.oai || {}, lumbung);
    metadata.push(el('h3', {}, 'In Lumbung'), table(lumbung));
    const details = el('details', {class: 'metadata', id: 'metadata'}, metadata);
    details.open = location.hash === '#metadata';
    parts.push(details);
    if (raws.length) {
      parts.push(el('details', {class: 'metadata', id: 'raw'}, el('summary', {}, el('h2', {}, 'Raw record')), raws));
    }
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
