/*
 * Calls to the application's REST API (/api/insight) and to the engine, with the Cockpit session.
 *
 * - credentials 'same-origin' sends the webapp's session cookie, which also authenticates /api.
 * - 'X-Requested-With: XMLHttpRequest' makes a missing session answer a plain 401: without it the
 *   application adds a Basic challenge and the browser would pop up its own password dialog.
 * - The application's API sits at the server's root, beside the webapps (/camunda/...).
 */

import { t } from './i18n.js';

const INSIGHT = '/api/insight';

const HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

/** A failed call, with a message for the user (Chinese detail or field errors of the answer). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function getJson(url, signal) {
  const response = await fetch(url, { credentials: 'same-origin', headers: HEADERS, signal });
  if (!response.ok) {
    throw new ApiError(response.status, await messageOf(response));
  }
  return response.json();
}

/** The text to show for a failed answer: 400 lists its field errors, 401/403 carry a detail. */
async function messageOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (ignored) {
    // not JSON (a proxy's page, an empty body): fall back to the status
  }
  if (body && Array.isArray(body.errors) && body.errors.length) {
    return body.errors.map((e) => e.message || `${e.field}: ${e.rule}`).join('；');
  }
  if (body && body.detail) {
    return body.detail;
  }
  if (response.status === 401) {
    return t('unauthorized');
  }
  if (response.status === 403) {
    return t('forbidden');
  }
  return t('failed', { status: response.status });
}

/** The query string of the parameters that have a value. */
function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function fetchHeatmap(params, signal) {
  return getJson(`${INSIGHT}/heatmap${query(params)}`, signal);
}

export function fetchCoverage(params, signal) {
  return getJson(`/api/visits/coverage${query(params)}`, signal);
}

export function fetchDeadlines(params, signal) {
  return getJson(`${INSIGHT}/deadlines${query(params)}`, signal);
}

/**
 * The key of a process definition (the heatmap asks by key: all versions of a process).
 * engineApi is what Cockpit hands to plugins, e.g. '/camunda/api/engine/engine/default'.
 */
export async function fetchDefinitionKey(engineApi, processDefinitionId, signal) {
  const definition = await getJson(
    `${engineApi}/process-definition/${encodeURIComponent(processDefinitionId)}`,
    signal
  );
  return definition.key;
}
