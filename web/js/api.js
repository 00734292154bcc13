/**
 * Requests to the service. Errors come back as problem documents (application/problem+json)
 * with message_zh and message_en; they become an ApiError carrying both, so the page can show
 * the one in the current language (i18n.errorText).
 */

export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.message_en ?? problem.message ?? `HTTP ${status}`);
    this.status = status;
    /** The problem document as the service sent it (e.g. with the bad rows of a table). */
    this.problem = problem;
    this.messageZh = problem.message_zh ?? problem.message;
    this.messageEn = problem.message_en ?? problem.message;
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

/** fetch, but an answer that is not 2xx is thrown as an ApiError. */
export async function request(url, options = {}) {
  const response = await fetch(url, options);
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response;
}

export async function getJson(url, options = {}) {
  const response = await request(url, { ...options, headers: { Accept: 'application/json', ...options.headers } });
  return response.json();
}

export async function postJson(url, body, options = {}) {
  const response = await request(url, {
    ...options,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** Saves a blob as a file the browser downloads. */
export function saveBlob(blob, fileName) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Downloads an answer of the service as a file; errors are thrown as ApiError, not saved. */
export async function download(url, fileName, options = {}) {
  const response = await request(url, options);
  saveBlob(await response.blob(), fileName);
}

/** The query string of a request, leaving out empty values. */
export function query(params) {
  const out = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      out.set(key, value);
    }
  });
  return out.toString();
}
