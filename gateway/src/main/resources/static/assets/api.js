// Calls to the gateway's API with the key typed once per tab: kept in sessionStorage (only for the tab, never a
// URL), sent as Authorization: Bearer. A 401 forgets the key and asks again; a 403 is the role's limit.
const KEY = 'cityfin.apiKey';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || ('HTTP ' + status));
    this.status = status;
  }
}

let askForKey = () => {};

export function onUnauthorized(handler) {
  askForKey = handler;
}

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetApiKey() {
  sessionStorage.removeItem(KEY);
}

/**
 * Calls path; answers the parsed JSON (as 'json'), the text ('text') or a Blob ('blob'). Throws ApiError for any
 * status outside 2xx, with the problem's detail. Answers bypass the browser's cache ('no-store') unless cache says
 * otherwise: 'default' for an answer the gateway lets the browser keep (the regions, an hour).
 */
export async function api(path, { method = 'GET', body, accept = 'application/json', as = 'json', cache = 'no-store' } = {}) {
  const key = apiKey();
  if (!key) {
    askForKey('');
    throw new ApiError(401, 'no key');
  }
  const headers = { Authorization: 'Bearer ' + key, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    cache, credentials: 'omit', referrerPolicy: 'no-referrer',
  });
  if (response.status === 401) {
    forgetApiKey();
    askForKey('refused');
    throw new ApiError(401, 'unauthorized');
  }
  if (!response.ok) {
    let detail = null;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title;
    } catch (ignored) {
      // not a problem body
    }
    throw new ApiError(response.status, detail);
  }
  if (as === 'text') return response.text();
  if (as === 'blob') return response.blob();
  if (as === 'response') return response;
  return response.status === 204 ? null : response.json();
}

/** Like api, but a status in quiet answers null (an optional part of a view). */
export async function optional(path, statuses = [404], options = {}) {
  try {
    return await api(path, options);
  } catch (error) {
    if (error instanceof ApiError && statuses.includes(error.status)) return null;
    throw error;
  }
}

/**
 * The city and its county-level regions (GET /api/v1/regions: common's Region, the city first), asked once per page
 * load, after the key is entered; a failed request (a 401 among them) is asked again on the next call.
 */
let regionsAsked = null;

export function loadRegions() {
  if (!regionsAsked) {
    regionsAsked = api('/api/v1/regions', { cache: 'default' }).catch((error) => {
      regionsAsked = null;
      throw error;
    });
  }
  return regionsAsked;
}
