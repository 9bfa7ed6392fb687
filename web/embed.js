// <tracuu-search endpoint="https://tracuu.example"> — the embeddable search box.
// Shadow DOM (host CSS neither leaks in nor out), ARIA combobox, keyboard, theming through
// CSS custom properties (--tracuu-accent, --tracuu-font, --tracuu-radius, --tracuu-bg,
// --tracuu-ink, --tracuu-mark). Results link to the document pages of the endpoint.
const CSS = `:host{display:block;position:relative;font-family:var(--tracuu-font,system-ui,sans-serif);color:var(--tracuu-ink,#1c1d21);max-width:var(--tracuu-width,36rem)}
*{box-sizing:border-box}input{width:100%;font:inherit;font-size:1rem;padding:.6rem .8rem;border:1px solid #c9c9c4;border-radius:var(--tracuu-radius,8px);background:var(--tracuu-bg,#fff);color:inherit;outline:none}
input:focus{border-color:var(--tracuu-accent,#a3201c);box-shadow:0 0 0 3px color-mix(in srgb,var(--tracuu-accent,#a3201c) 20%,transparent)}
ul{list-style:none;margin:.25rem 0 0;padding:.25rem 0;position:absolute;left:0;right:0;z-index:2147483000;background:var(--tracuu-bg,#fff);border:1px solid #d8d8d3;border-radius:var(--tracuu-radius,8px);box-shadow:0 8px 24px rgb(0 0 0/.15);max-height:26rem;overflow:auto}
ul[hidden]{display:none}li{padding:.5rem .8rem;cursor:pointer;border-bottom:1px solid #eee}li:last-child{border-bottom:0}
li[aria-selected=true],li:hover{background:color-mix(in srgb,var(--tracuu-accent,#a3201c) 8%,transparent)}
a{color:inherit;text-decoration:none;display:block}.d{font-size:.8rem;color:var(--tracuu-accent,#a3201c);font-weight:600}.s{font-size:.9rem;line-height:1.4}
mark{background:var(--tracuu-mark,#ffe69a);color:inherit}.m{padding:.6rem .8rem;color:#6b6b6b;font-size:.9rem}`;

class TracuuSearch extends HTMLElement {
  #input;
  #list;
  #active = -1;
  #seq = 0;
  #timer = 0;

  connectedCallback() {
    if (this.#input) return;
    const root = this.attachShadow({ mode: 'open' });
    // A constructed stylesheet: works under a strict CSP (no inline <style> needed).
    let style = null;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      style = document.createElement('style');
      style.textContent = CSS;
    }
    const id = `tracuu-${Math.random().toString(36).slice(2, 8)}`;
    this.#input = Object.assign(document.createElement('input'), { type: 'search', placeholder: this.getAttribute('placeholder') || 'Tra cứu văn bản, điều khoản…', autocomplete: 'off', spellcheck: false });
    for (const [k, v] of Object.entries({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-list`, 'aria-label': this.getAttribute('label') || 'Tra cứu văn bản' })) this.#input.setAttribute(k, v);
    this.#list = Object.assign(document.createElement('ul'), { id: `${id}-list`, hidden: true });
    this.#list.setAttribute('role', 'listbox');
    root.append(...(style ? [style] : []), this.#input, this.#list);
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#search(), 150);
    });
    this.#input.addEventListener('keydown', (e) => this.#key(e));
    this.#input.addEventListener('blur', () => setTimeout(() => this.#close(), 150));
  }

  get endpoint() {
    return (this.getAttribute('endpoint') || '').replace(/\/+$/, '');
  }

  async #search() {
    const q = this.#input.value.trim();
    const my = ++this.#seq;
    if (!q) return this.#close();
    let r;
    try {
      const res = await fetch(`${this.endpoint}/api/search?limit=${Number(this.getAttribute('limit')) || 8}&q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      r = await res.json();
    } catch {
      if (my === this.#seq) this.#message('Không kết nối được máy chủ tra cứu.', 'error');
      return;
    }
    if (my !== this.#seq) return;
    if (!r.hits.length) return this.#message(`Không có kết quả cho “${q}”.`, 'empty');
    this.#list.replaceChildren(...r.hits.map((hit, i) => this.#item(hit, i)));
    this.#open('results');
  }

  #item(hit, i) {
    const li = document.createElement('li');
    li.id = `${this.#list.id}-${i}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    const a = document.createElement('a');
    a.href = `${this.endpoint}/doc/${encodeURIComponent(hit.docId)}${hit.path ? '#' + encodeURIComponent(hit.id) : ''}`;
    const d = document.createElement('div');
    d.className = 'd';
    d.textContent = [hit.document.typeLabel, hit.document.number, hit.path].filter(Boolean).join(' · ');
    const s = document.createElement('div');
    s.className = 's';
    // The snippet is HTML-escaped by the server with <mark> only: rebuild it as nodes, never as HTML.
    for (const [j, part] of hit.snippet.split(/<\/?mark>/).entries()) {
      const text = part.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[m]);
      s.append(j % 2 ? Object.assign(document.createElement('mark'), { textContent: text }) : text);
    }
    a.append(d, s);
    li.append(a);
    li.addEventListener('mousedown', (e) => e.preventDefault());
    return li;
  }

  #message(text, state) {
    const li = document.createElement('li');
    li.className = 'm';
    li.textContent = text;
    this.#list.replaceChildren(li);
    this.#open(state);
  }

  #open(state) {
    this.#active = -1;
    this.#list.hidden = false;
    this.#input.setAttribute('aria-expanded', 'true');
    this.#input.removeAttribute('aria-activedescendant');
    this.dataset.state = state;
  }

  #close() {
    this.#list.hidden = true;
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.removeAttribute('aria-activedescendant');
  }

  #key(e) {
    const items = [...this.#list.querySelectorAll('[role=option]')];
    if (e.key === 'Escape') return this.#close();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.#list.hidden) return this.#search();
      if (!items.length) return;
      this.#active = (this.#active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.setAttribute('aria-selected', String(i === this.#active)));
      this.#input.setAttribute('aria-activedescendant', items[this.#active].id);
      items[this.#active].scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.#active >= 0) items[this.#active].querySelector('a').click();
      else this.#search();
    }
  }
}

if (!customElements.get('tracuu-search')) customElements.define('tracuu-search', TracuuSearch);
