/*
 * Small DOM helpers: no framework, plain elements.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An element: el('div', {class: 'x', dataset: {id: 1}, onclick: fn}, child, 'text', ...).
 * Attributes named on... become listeners; null and false children are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** The same for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(element, attributes, children) {
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'dataset') {
      Object.entries(value).forEach(([key, data]) => {
        element.dataset[key] = data;
      });
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

/** An option list: '全部' (value '') and then the given {code, name} entries. */
export function options(anyLabel, entries, selected) {
  return [
    el('option', { value: '' }, anyLabel),
    ...entries.map((entry) =>
      el('option', { value: entry.code, selected: entry.code === selected }, entry.name)
    )
  ];
}

/**
 * Loads insight.css once per page. Cockpit has no place for a plugin's stylesheet, so the module
 * adds a <link> next to itself (import.meta.url carries Cockpit's '?bust=…', dropped here).
 */
export function useStylesheet() {
  const href = new URL('./insight.css', import.meta.url).pathname;
  if (!document.querySelector(`link[data-insight-css]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href, dataset: { insightCss: '' } }));
  }
}

/** A figure of a view: its value large, its label, a note; alert colours the value. */
export function tile(name, label, value, note = null, alert = false) {
  return el(
    'div',
    { class: `insight-tile${alert ? ' insight-tile-alert' : ''}`, dataset: { tile: name, value } },
    el('div', { class: 'insight-tile-value' }, value),
    el('div', { class: 'insight-tile-label' }, label),
    note && el('div', { class: 'insight-tile-note' }, note)
  );
}

/** A titled section of a view. */
export function section(title, body, className) {
  return el('div', { class: `insight-section ${className}` }, el('h3', {}, title), body);
}
