/*
 * The shape Cockpit expects of our plugins ({id, pluginPoint, render, unmount}), written once for
 * the deadline dashboard (deadlines.js) and the coverage page (coverage.js):
 * - a view on a plugin point ('cockpit.dashboard', 'cockpit.route'): render(node) mounts it into
 *   the empty <div> Cockpit gives, unmount() takes it down when the page is left;
 * - an entry of the top menu ('cockpit.navigation'): Cockpit merges the properties into the menu
 *   entry and, as the plugin has render(), shows the link render puts into the node.
 */

import { el, useStylesheet } from './dom.js';

/**
 * A view plugin: mount(node) draws it and answers {destroy()}; each plugin keeps the view it
 * mounted until unmount().
 */
export function viewPlugin(id, pluginPoint, mount, extra = {}) {
  let mounted = null;
  return {
    id,
    pluginPoint,
    priority: 0,
    ...extra,
    render(node) {
      useStylesheet();
      if (mounted) {
        mounted.destroy();
      }
      mounted = mount(node);
    },
    unmount() {
      if (mounted) {
        mounted.destroy();
        mounted = null;
      }
    }
  };
}

/**
 * An entry of the top menu leading to #path. priority >= 0: in the top menu (negative
 * priorities go to the "more" drop-down).
 */
export function menuEntry(id, priority, path, label, linkClass = 'insight-nav-link') {
  return {
    id,
    pluginPoint: 'cockpit.navigation',
    priority,
    properties: {
      pagePath: `#${path}`,
      label,
      checkActive: (url) => url.includes(`#${path}`)
    },
    render(node) {
      node.append(el('a', { href: `#${path}`, class: linkClass }, label));
    },
    unmount() {}
  };
}
