// Links into the LIFF mini-app from chat, rich menus and notices.
/**
 * Where the LIFF app opens, at a page of it (`complaints/abc`): the LIFF URL when an app is registered (LINE
 * appends the path to the endpoint URL), else the app's own /liff/ page.
 */
export function liffUrlOf(publicBaseUrl: string, liffId?: string, path = ''): string {
  const page = path.replace(/^\/+/, '');
  return liffId === undefined
    ? `${publicBaseUrl}/liff/${page}`
    : `https://liff.line.me/${liffId}${page === '' ? '' : `/${page}`}`;
}
