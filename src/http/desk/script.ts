/*
 * The desk's one script, served as /editor/desk.js (same origin; the desk's CSP allows no inline
 * script). Everything works without it; it adds two conveniences:
 * - Trims: a mouse or keyboard selection inside the paragraph, or ← → (start) and Shift + ← →
 *   (end) on the focused paragraph, fills in the trim's offsets and marks the chosen span.
 * - Card previews: changing size, theme, script or layout redraws the preview without reloading
 *   (竖排 only for the sizes that offer it), and the draft button previews the same card.
 * - Search results: j / ↓ and k / ↑ move a visible focus through the results (arrows only once
 *   a result has focus, so they still scroll the page otherwise), Enter or o opens the focused
 *   quote. Keys typed into a field are never taken; nothing here approves or rejects.
 */
export const DESK_SCRIPT = `'use strict';
(() => {
  const p = document.getElementById('paragraph');
  const trim = document.getElementById('trim');
  if (p && trim) {
    const chars = [...p.querySelectorAll('[data-i]')];
    const start = trim.querySelector('[name=start]');
    const end = trim.querySelector('[name=end]');
    const last = chars.length ? Number(chars[chars.length - 1].dataset.i) + chars[chars.length - 1].textContent.length : 0;
    const mark = () => {
      const a = Number(start.value), b = Number(end.value);
      for (const ch of chars) { const i = Number(ch.dataset.i); ch.classList.toggle('sel', i >= a && i < b); }
    };
    const set = (a, b) => {
      a = Math.max(0, Math.min(a, last - 1)); b = Math.max(a + 1, Math.min(b, last));
      start.value = a; end.value = b; mark();
    };
    document.addEventListener('selectionchange', () => {
      const s = getSelection();
      if (!s || s.isCollapsed || !s.rangeCount) return;
      const r = s.getRangeAt(0);
      if (!p.contains(r.commonAncestorContainer) && r.commonAncestorContainer !== p) return;
      const inside = chars.filter((ch) => { const t = ch.firstChild; return t && r.comparePoint(t, 0) === 0 && r.comparePoint(t, t.length) === 0; });
      if (!inside.length) return;
      const first = inside[0], final = inside[inside.length - 1];
      set(Number(first.dataset.i), Number(final.dataset.i) + final.textContent.length);
    });
    const offsets = [...chars.map((ch) => Number(ch.dataset.i)), last];
    const step = (at, dir) => {
      let k = offsets.findIndex((o) => o >= at);
      if (k < 0) k = offsets.length - 1;
      return offsets[Math.max(0, Math.min(offsets.length - 1, k + dir))];
    };
    p.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      e.preventDefault();
      const dir = e.key === 'ArrowRight' ? 1 : -1;
      if (e.shiftKey) set(Number(start.value), step(Number(end.value), dir));
      else set(step(Number(start.value), dir), Number(end.value));
    });
    start.addEventListener('input', mark); end.addEventListener('input', mark);
    mark();
  }
  const list = document.querySelector('ol.quotes');
  if (list) {
    const items = () => [...list.querySelectorAll(':scope > li.quote')];
    const hint = document.getElementById('keys-hint');
    if (hint) hint.hidden = false;
    const go = (item) => {
      for (const other of items()) other.classList.toggle('kbd', other === item);
      item.tabIndex = -1;
      item.focus();
      item.scrollIntoView({ block: 'nearest' });
    };
    document.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const all = items();
      if (!all.length) return;
      const here = all.findIndex((li) => li.contains(document.activeElement));
      const onItem = here >= 0 && all[here] === document.activeElement;
      const down = e.key === 'j' || (e.key === 'ArrowDown' && onItem);
      const up = e.key === 'k' || (e.key === 'ArrowUp' && onItem);
      if (down || up) {
        e.preventDefault();
        const next = here < 0 ? (down ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, here + (down ? 1 : -1)));
        go(all[next]);
      } else if (onItem && (e.key === 'Enter' || e.key === 'o')) {
        const link = all[here].querySelector('.text a');
        if (link) { e.preventDefault(); link.click(); }
      }
    });
    list.addEventListener('focusout', (e) => {
      if (e.target instanceof HTMLElement && e.target.matches('li.quote')) e.target.classList.remove('kbd');
    });
  }
  const form = document.getElementById('preview');
  const img = document.getElementById('preview-card');
  if (form && img) {
    const layout = form.elements.layout;
    const draft = document.getElementById('draft-button');
    // 竖排 is offered for some sizes only: elsewhere the choice is off and falls back to 横排.
    const sync = () => {
      if (!layout) return false;
      const offered = layout.dataset.verticalSizes.split(' ').includes(form.elements.size.value);
      for (const o of layout.options) if (o.value === 'vertical') o.disabled = !offered;
      if (!offered) layout.value = 'horizontal';
      return layout.value === 'vertical';
    };
    const redraw = () => {
      const q = new URLSearchParams();
      for (const name of ['size', 'theme', 'script']) q.set(name, form.elements[name].value);
      if (sync()) q.set('layout', 'vertical');
      if (draft) draft.setAttribute('formaction', draft.getAttribute('formaction').split('?')[0] + '?' + q);
      q.set('scale', '1'); q.set('v', img.dataset.v);
      img.src = img.dataset.card + '?' + q;
    };
    sync();
    form.addEventListener('change', redraw);
    form.addEventListener('submit', (e) => { e.preventDefault(); redraw(); });
  }
})();
`;
