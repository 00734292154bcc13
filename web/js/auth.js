/**
 * The GIS editor's sign-in for write calls. The page signs in with a session (POST api/session),
 * so the password is sent once and kept nowhere; the session cookie is HttpOnly. Writes riding on
 * that cookie must carry the CSRF token, which the service hands out in the XSRF-TOKEN cookie
 * and expects back in the X-XSRF-TOKEN header, so that a forged cross-site form cannot write.
 */
import { ApiError, getJson, request } from './api.js';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

let editor = null;

function csrfToken() {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1)) : null;
}

/** Asks the service who this tab's session belongs to; also (re)issues the CSRF cookie. */
export async function refreshSignIn() {
  const me = await getJson('api/me');
  editor = me.authenticated ? me.username : null;
  return editor;
}

export async function signIn(name, password) {
  if (!csrfToken()) {
    await refreshSignIn();
  }
  const response = await request('api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', [CSRF_HEADER]: csrfToken() ?? '' },
    body: new URLSearchParams({ username: name, password }),
  });
  const account = await response.json();
  if (!account.roles?.includes('EDITOR')) {
    await signOut();
    throw new ApiError(403, {
      message_zh: '该账号没有编辑权限（EDITOR）',
      message_en: 'this account lacks the EDITOR role',
    });
  }
  // signing in replaces the CSRF token: fetch the new one before the first write
  await refreshSignIn();
  return editor;
}

export async function signOut() {
  editor = null;
  try {
    await request('api/session/logout', { method: 'POST', headers: { [CSRF_HEADER]: csrfToken() ?? '' } });
  } finally {
    await refreshSignIn().catch(() => null);
  }
}

/** Forgets the sign-in without asking the service (it answered 401: the session has expired). */
export function forgetSignIn() {
  editor = null;
}

/** The signed-in editor's name, or null. */
export function editorName() {
  return editor;
}

/** Headers every write of a signed-in page carries. */
export function authHeaders() {
  const token = csrfToken();
  return token ? { [CSRF_HEADER]: token } : {};
}
