/**
 * The GIS editor's sign-in for write calls. The service uses HTTP Basic and is stateless, so the
 * page sends Authorization with each write. The credentials stay in this tab's sessionStorage
 * (gone when the tab closes), never in localStorage or a cookie.
 */

const KEY = 'plan.editor';

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function signIn(name, password) {
  // btoa takes Latin-1 only: encode the UTF-8 bytes, as browsers do for Basic credentials
  const bytes = new TextEncoder().encode(`${name}:${password}`);
  const token = btoa(String.fromCharCode(...bytes));
  sessionStorage.setItem(KEY, JSON.stringify({ name, token }));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** The signed-in editor's name, or null. */
export function editorName() {
  return read()?.name ?? null;
}

export function authHeaders() {
  const editor = read();
  return editor ? { Authorization: `Basic ${editor.token}` } : {};
}
