// A device page pairs once with `?token=` and keeps the token; the address bar then drops it so
// nobody photographs it off the screen.

const KEY = 'dawr.deviceToken';

export function deviceToken(): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    localStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return localStorage.getItem(KEY);
}

export function forgetDeviceToken(): void {
  localStorage.removeItem(KEY);
}
