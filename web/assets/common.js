// Shared helpers for the pages. Text from documents is only ever set as text (textContent),
// never parsed as HTML; search snippets carry <mark> only, and are rebuilt as DOM nodes.

/** h('a', {href: '/x', class: 'y'}, 'text', child…) → element. Attributes are set, never parsed. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/** Only our own paths (and http(s) URLs we build): never javascript: or data:. */
export function safeHref(href) {
  const s = String(href);
  return /^(\/|#|https?:\/\/)/.test(s) ? s : '#';
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** A snippet "…<mark>trạm</mark> y tế…" (server-escaped) → nodes: text nodes and <mark> elements. */
export function snippetNodes(snippet) {
  const out = [];
  const parts = String(snippet).split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const p of parts) {
    if (p === '<mark>') inMark = true;
    else if (p === '</mark>') inMark = false;
    else if (p) {
      const text = p.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);
      out.push(inMark ? h('mark', {}, text) : document.createTextNode(text));
    }
  }
  return out;
}

export async function api(path, options = {}) {
  const res = await fetch(path, { headers: { accept: 'application/json' }, ...options });
  const type = res.headers.get('content-type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = new Error(body && body.detail ? body.detail : `HTTP ${res.status}`);
    err.status = res.status;
    err.problem = body;
    throw err;
  }
  return body;
}

export function errorBox(err) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Không tải được dữ liệu. '), err && err.message ? err.message : String(err));
}

export const STATUS_LABEL = { current: 'Hiện hành', superseded: 'Đã có văn bản mới hơn', repealed: 'Hết hiệu lực' };
export const RELATION_LABEL = {
  'based-on': 'căn cứ',
  implements: 'thực hiện',
  guides: 'hướng dẫn',
  amends: 'sửa đổi',
  supplements: 'bổ sung',
  replaces: 'thay thế',
  repeals: 'bãi bỏ',
  'ends-effect': 'hết hiệu lực',
  'continues-effect': 'tiếp tục có hiệu lực',
  corrects: 'đính chính',
  attached: 'kèm theo',
  'reports-on': 'đưa tin',
  supersedes: 'kế tiếp',
  'amended-by': 'được sửa đổi bởi',
  'supplemented-by': 'được bổ sung bởi',
  'repealed-by': 'bị bãi bỏ bởi',
  cites: 'viện dẫn',
};

export function docLabel(d) {
  return [d.typeLabel, d.number].filter(Boolean).join(' ') || d.title || d.id;
}

export function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return d ? `${Number(d)}/${Number(m)}/${y}` : iso;
}

export function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
