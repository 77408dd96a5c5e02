/*
 * Cockpit plugin: the heatmap on the process definition's diagram (Cockpit's own is Enterprise
 * only).
 *
 * For a diagram plugin point Cockpit 7.24 calls render(viewer, {api, processDefinitionId}) once
 * the diagram has been imported, where viewer is the bpmn-js viewer and api holds the webapp's
 * API paths; unmount() (no arguments) when the diagram goes away. A page shows one definition
 * diagram at a time, so one mounted heatmap is kept here.
 *
 * What is drawn, all removed again by unmount():
 * - per activity an overlay (bpmn-js `overlays`, type 'insight-heatmap') filling the shape with
 *   the colour of its count (<div class="insight-heat" data-activity-id data-count data-active>)
 *   and a count badge;
 * - per sequence flow taken a line in an SVG layer of our own over the diagram, its width and
 *   colour by count (<g class="insight-flow" data-flow-id data-count>), and a count label;
 * - a tool bar along the diagram's top (view, committee, organization, period, legend; 隐藏 hides
 *   the heatmap and the bar's controls) and a tooltip shown while the mouse is over a coloured
 *   activity or flow.
 */

import { fetchDefinitionKey, fetchHeatmap } from './api.js';
import { el, svg, useStylesheet } from './dom.js';
import { createFilters } from './filters.js';
import { t } from './i18n.js';
import { colour, countAt, gradient, position } from './scale.js';

const OVERLAY_TYPE = 'insight-heatmap';
const LAYER = 'insight-heatmap';
const COLLAPSED_KEY = 'insight.heatmap.collapsed';

let mounted = null;

export default {
  id: 'insight-heatmap',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 0,
  render(viewer, { api, processDefinitionId }) {
    useStylesheet();
    if (mounted) {
      mounted.destroy();
    }
    mounted = mountHeatmap(viewer, engineApi(api), processDefinitionId);
  },
  unmount() {
    if (mounted) {
      mounted.destroy();
      mounted = null;
    }
  }
};

/**
 * The engine's API path, e.g. '/camunda/api/engine/engine/default'. Not api.engineApi: for
 * diagram plugins Cockpit 7.24 builds it from the whole page address instead of the engine name
 * (the other plugin points get it right), so it is rebuilt here from api.baseApi and the engine
 * in the page's path (/camunda/app/cockpit/{engine}/).
 */
function engineApi(api) {
  const engine = window.location.pathname.match(/\/app\/cockpit\/([^/]+)/);
  return `${api.baseApi}/engine/${engine ? engine[1] : 'default'}`;
}

function mountHeatmap(viewer, engineApiPath, processDefinitionId) {
  const diagram = {
    canvas: viewer.get('canvas'),
    overlays: viewer.get('overlays'),
    registry: viewer.get('elementRegistry'),
    eventBus: viewer.get('eventBus')
  };
  const container = diagram.canvas.getContainer();
  const layer = diagram.canvas.getLayer(LAYER, 1);
  const tooltip = el('div', { class: 'insight-tooltip', hidden: true });
  const panel = createPanel(
    () => load(),
    (off) => container.classList.toggle('insight-heatmap-off', off)
  );
  container.append(panel.element, tooltip);

  let processKey = null;
  let requests = null;
  let fitted = null;
  let shown = { activities: new Map(), flows: new Map() };

  async function load() {
    if (requests) {
      requests.abort();
    }
    requests = new AbortController();
    const { signal } = requests;
    panel.loading();
    try {
      processKey = processKey || (await fetchDefinitionKey(engineApiPath, processDefinitionId, signal));
      const answer = await fetchHeatmap({ process: processKey, ...panel.values() }, signal);
      shown = draw(diagram, layer, answer);
      panel.show(answer);
      if (!fitted) {
        // once the bar has its final height (the answer fills it in)
        fitted = fitBelowPanel(diagram.canvas, panel.element, false);
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        clear(diagram, layer);
        shown = { activities: new Map(), flows: new Map() };
        panel.fail(error.message);
      }
    }
  }

  const hover = (event) => {
    if (!container.classList.contains('insight-heatmap-off')) {
      showTooltip(tooltip, diagram, event.element, shown);
    }
  };
  const out = () => {
    tooltip.hidden = true;
  };
  diagram.eventBus.on('element.hover', hover);
  diagram.eventBus.on('element.out', out);
  diagram.eventBus.on('canvas.viewbox.changing', out);

  // Cockpit's maximise / restore and a hidden sidebar resize the diagram without fitting it
  // again: do so, unless the user has zoomed or moved it since
  const resized = new ResizeObserver(() => {
    if (fitted && sameView(diagram.canvas.viewbox(), fitted)) {
      fitted = fitBelowPanel(diagram.canvas, panel.element, true);
    }
  });
  resized.observe(container);

  load();

  return {
    destroy() {
      if (requests) {
        requests.abort();
      }
      diagram.eventBus.off('element.hover', hover);
      diagram.eventBus.off('element.out', out);
      diagram.eventBus.off('canvas.viewbox.changing', out);
      resized.disconnect();
      clear(diagram, layer);
      container.classList.remove('insight-heatmap-off');
      panel.element.remove();
      tooltip.remove();
    }
  };
}

/**
 * Cockpit fits the diagram to the whole area, so the tool bar would hide its top. When it does
 * (or always, with refit), zoom the diagram into the room below the bar. Returns the view it
 * leaves (x, y, scale), to tell later whether the user has moved it.
 */
function fitBelowPanel(canvas, panel, refit) {
  const container = canvas.getContainer();
  const viewbox = canvas.viewbox();
  const inner = viewbox.inner;
  const top = panel.offsetTop + panel.offsetHeight + 10;
  const covered = (inner.y - viewbox.y) * viewbox.scale < top;
  const room = { width: container.clientWidth - 80, height: container.clientHeight - top - 40 };
  if ((covered || refit) && inner.width && room.height >= 150) {
    const scale = Math.min(room.width / inner.width, room.height / inner.height, 1);
    canvas.viewbox({
      x: inner.x - (container.clientWidth - inner.width * scale) / 2 / scale,
      y: inner.y - top / scale,
      width: container.clientWidth / scale,
      height: container.clientHeight / scale
    });
  }
  const { x, y, scale } = canvas.viewbox();
  return { x, y, scale };
}

function sameView(a, b) {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale - b.scale) < 0.001;
}

/* ---- drawing ------------------------------------------------------------------------------ */

function clear(diagram, layer) {
  diagram.overlays.remove({ type: OVERLAY_TYPE });
  layer.replaceChildren();
}

/** Draws an answer; returns what was drawn by element id, for the tooltip. */
function draw(diagram, layer, answer) {
  clear(diagram, layer);
  const activities = new Map();
  const flows = new Map();
  const maxActivity = Math.max(0, ...answer.activities.map((a) => a.count));
  const maxFlow = Math.max(0, ...answer.flows.map((f) => f.count));

  answer.activities.forEach((activity) => {
    const element = diagram.registry.get(activity.activityId);
    if (element && !element.waypoints) {
      const p = position(activity.count, maxActivity);
      // the cover scales with the diagram; the badge keeps a readable size when zoomed out
      diagram.overlays.add(element, OVERLAY_TYPE, {
        position: { top: 0, left: 0 },
        html: heatCover(element, activity, p)
      });
      diagram.overlays.add(element, OVERLAY_TYPE, {
        position: { top: -9, right: 12 },
        scale: { min: 0.75 },
        html: badge('insight-heat-badge', activity.count, p, { activityId: activity.activityId })
      });
      activities.set(element.id, activity);
    }
  });
  answer.flows.forEach((flow) => {
    const element = diagram.registry.get(flow.flowId);
    if (element && element.waypoints) {
      const p = position(flow.count, maxFlow);
      layer.append(flowLine(element, flow, p));
      diagram.overlays.add(element, OVERLAY_TYPE, {
        position: labelPosition(element.waypoints),
        scale: { min: 0.75 },
        html: badge('insight-flow-count', flow.count, p, { flowId: flow.flowId })
      });
      flows.set(element.id, flow);
    }
  });
  return { activities, flows };
}

/** The coloured cover of one shape; carries the numbers as data attributes. */
function heatCover(element, activity, p) {
  const container = isExpandedSubProcess(element);
  return el('div', {
    class: `insight-heat insight-heat-${shapeKind(element)}${container ? ' insight-heat-container' : ''}`,
    style: `width:${element.width}px;height:${element.height}px;--insight-heat:${colour(p, container ? 0.9 : 0.5)}`,
    dataset: {
      activityId: activity.activityId,
      count: activity.count,
      active: activity.active || 0
    }
  });
}

/** A count in a small pill of the count's colour (white text on the dark end of the scale). */
function badge(className, count, p, dataset) {
  const shade = Math.max(p, 0.25);
  return el(
    'span',
    {
      class: `${className}${shade > 0.7 ? ' insight-dark' : ''}`,
      style: `background:${colour(shade)}`,
      dataset: { ...dataset, count }
    },
    count
  );
}

/** 'event' (round), 'gateway' (diamond) or 'task' (rounded box), for the cover's shape. */
function shapeKind(element) {
  const type = element.businessObject.$instanceOf.bind(element.businessObject);
  if (type('bpmn:Event')) {
    return 'event';
  }
  if (type('bpmn:Gateway')) {
    return 'gateway';
  }
  return 'task';
}

/** An expanded sub-process gets a coloured frame only: a filled cover would hide its content. */
function isExpandedSubProcess(element) {
  const di = element.di || element.businessObject.di || {};
  return element.businessObject.$instanceOf('bpmn:SubProcess') && di.isExpanded === true;
}

/** A sequence flow taken: a line over the flow, wider and redder the more cases took it. */
function flowLine(element, flow, p) {
  const d = element.waypoints.map((pt, i) => `${i ? 'L' : 'M'} ${pt.x} ${pt.y}`).join(' ');
  return svg(
    'g',
    { class: 'insight-flow', 'data-flow-id': flow.flowId, 'data-count': flow.count },
    svg('path', {
      d,
      class: 'insight-flow-line',
      style: `stroke:${colour(Math.max(p, 0.2), 0.7)};stroke-width:${(2 + 8 * p).toFixed(1)}px`
    })
  );
}

/**
 * Where the count label of a flow goes: half-way along it. Overlay positions are relative to the
 * element's bounding box; the label centres itself on that point (CSS).
 */
function labelPosition(points) {
  const middle = halfWay(points);
  const box = boundsOf(points);
  return { left: middle.x - box.x, top: middle.y - box.y };
}

/** The point half-way along a polyline. */
function halfWay(points) {
  const lengths = points.slice(1).map((pt, i) => Math.hypot(pt.x - points[i].x, pt.y - points[i].y));
  let rest = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (rest <= lengths[i] && lengths[i] > 0) {
      const f = rest / lengths[i];
      return {
        x: points[i].x + (points[i + 1].x - points[i].x) * f,
        y: points[i].y + (points[i + 1].y - points[i].y) * f
      };
    }
    rest -= lengths[i];
  }
  return points[0];
}

/* ---- tooltip ------------------------------------------------------------------------------ */

function showTooltip(tooltip, diagram, element, shown) {
  const activity = shown.activities.get(element.id);
  const flow = shown.flows.get(element.id);
  if (!activity && !flow) {
    tooltip.hidden = true;
    return;
  }
  const name = element.businessObject.name || element.id;
  const rows = activity ? activityRows(activity) : [[t('passed'), flow.count]];
  tooltip.replaceChildren(
    el('div', { class: 'insight-tooltip-title' }, name),
    el('table', {}, ...rows.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value))))
  );
  tooltip.hidden = false;
  placeBeside(tooltip, diagram, element);
}

function activityRows(activity) {
  const days = (value) => (value === null || value === undefined ? t('none') : t('workingDays', { n: value }));
  return [
    [t('passed'), activity.count],
    [t('activeNow'), activity.active || 0],
    [t('median'), days(activity.medianWorkingDays)],
    [t('p90'), days(activity.p90WorkingDays)]
  ];
}

/** Right of the element on screen (left of it when there is no room), inside the diagram. */
function placeBeside(tooltip, diagram, element) {
  const viewbox = diagram.canvas.viewbox();
  const box = element.waypoints ? boundsOf(element.waypoints) : element;
  const left = (box.x - viewbox.x) * viewbox.scale;
  const right = (box.x + box.width - viewbox.x) * viewbox.scale;
  const top = (box.y - viewbox.y) * viewbox.scale;
  const width = diagram.canvas.getContainer().clientWidth;
  const x = right + 12 + tooltip.offsetWidth < width ? right + 12 : Math.max(0, left - 12 - tooltip.offsetWidth);
  tooltip.style.left = `${x}px`;
  tooltip.style.top = `${Math.max(0, top)}px`;
}

function boundsOf(points) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/* ---- control panel ------------------------------------------------------------------------ */

const VIEWS = [
  ['all', 'viewAll'],
  ['running', 'viewRunning'],
  ['overdue', 'viewOverdue']
];

/**
 * A one-row tool bar along the diagram's top edge (it wraps on narrow screens): the view, the
 * filters, the number of cases and the legend. It leaves Cockpit's own controls free: the
 * statistics switch at the top right, the zoom buttons at the right, the collapse arrows at the
 * bottom left.
 */
function createPanel(onChange, onSwitch) {
  let view = 'all';
  const filters = createFilters(onChange);
  const status = el('span', { class: 'insight-status' });
  const legend = el('span', { class: 'insight-legend' });

  const viewButtons = VIEWS.map(([value, label]) =>
    el(
      'button',
      {
        type: 'button',
        class: `btn btn-default btn-xs${value === view ? ' active' : ''}`,
        dataset: { view: value },
        onclick: (event) => {
          view = value;
          viewButtons.forEach((b) => b.classList.toggle('active', b === event.currentTarget));
          onChange();
        }
      },
      t(label)
    )
  );

  const toggle = el('button', {
    type: 'button',
    class: 'btn btn-link btn-xs insight-panel-toggle',
    onclick: () => setCollapsed(!element.classList.contains('collapsed'))
  });
  const element = el(
    'div',
    { class: 'insight-panel insight-heatmap-panel' },
    el('strong', { class: 'insight-panel-title' }, t('heatmap')),
    toggle,
    el('div', { class: 'btn-group insight-views' }, viewButtons),
    filters.element,
    status,
    legend
  );

  /** Collapsed, the bar shows its title only and the diagram is shown without the heatmap. */
  function setCollapsed(collapsed) {
    element.classList.toggle('collapsed', collapsed);
    toggle.textContent = collapsed ? t('show') : t('hide');
    toggle.title = collapsed ? t('showTitle') : t('hideTitle');
    window.localStorage.setItem(COLLAPSED_KEY, collapsed ? '1' : '');
    onSwitch(collapsed);
  }
  setCollapsed(window.localStorage.getItem(COLLAPSED_KEY) === '1');

  // the panel lies inside the diagram's container: keep the wheel from zooming the diagram and
  // clicks from reaching bpmn-js
  ['wheel', 'mousedown', 'click', 'dblclick'].forEach((type) =>
    element.addEventListener(type, (event) => event.stopPropagation())
  );

  return {
    element,
    values: () => ({ view, ...filters.values() }),
    loading() {
      status.className = 'insight-status text-muted';
      status.textContent = t('loading');
    },
    show(answer) {
      filters.update(answer);
      status.className = 'insight-status';
      status.textContent = answer.activities.length ? t('cases', { n: answer.cases }) : t('nothing');
      status.dataset.cases = answer.cases;
      legend.replaceChildren(...legendOf(answer));
    },
    fail(message) {
      status.className = 'insight-status text-danger';
      status.textContent = message;
      legend.replaceChildren();
    }
  };
}

/** The colour bar from 1 to the highest count, and what the line width means. */
function legendOf(answer) {
  const max = Math.max(0, ...answer.activities.map((a) => a.count));
  if (!max) {
    return [];
  }
  return [
    el('span', { class: 'insight-legend-title' }, t('legendCases')),
    el('span', {}, 1),
    el('span', {
      class: 'insight-legend-bar',
      style: `background:${gradient()}`,
      title: `1 … ${countAt(0.5, max)} … ${max}`
    }),
    el('span', {}, max),
    el('span', { class: 'insight-legend-note' }, t('legendFlows'))
  ];
}
