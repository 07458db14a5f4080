// Configuration: defaults for local mode, and one message naming the variable for every bad value.
import { describe, expect, it } from 'vitest';
import { LOCAL_PUBLIC_BASE_URL, parseConfig } from '../../bot/config.ts';

const KEY = `${'A'.repeat(43)}=`;
const REAL = {
  LINE_CHANNEL_SECRET: 'secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'token',
  COMPLAINT_KEY: KEY,
  PUBLIC_BASE_URL: 'https://ita.example.go.th/',
};

describe('parseConfig', () => {
  it('runs in local mode with defaults when nothing is set', () => {
    const result = parseConfig({});
    expect(result.ok && result.config).toMatchObject({
      port: 8787,
      databasePath: './data/ita.sqlite',
      localMode: true,
      // Links open on the local server itself; images stay on the https stand-in LINE requires.
      publicBaseUrl: 'http://127.0.0.1:8787',
      mediaBaseUrl: LOCAL_PUBLIC_BASE_URL,
      line: { apiBaseUrl: 'https://api.line.me', dataApiBaseUrl: 'https://api-data.line.me' },
    });
  });

  it("points local mode's links at the server's own port, and at localhost when it listens everywhere", () => {
    const result = parseConfig({ PORT: '8817', HOST: '0.0.0.0' });
    expect(result.ok && result.config.publicBaseUrl).toBe('http://localhost:8817');
    const own = parseConfig({ PORT: '8827', PUBLIC_BASE_URL: 'https://tunnel.example.com' });
    expect(own.ok && [own.config.publicBaseUrl, own.config.mediaBaseUrl]).toEqual([
      'https://tunnel.example.com',
      'https://tunnel.example.com',
    ]);
  });

  it('uses real credentials and trims the trailing slash of the public URL', () => {
    const result = parseConfig({ ...REAL, LINE_API_BASE_URL: 'http://127.0.0.1:9999' });
    expect(result.ok && result.config).toMatchObject({
      localMode: false,
      publicBaseUrl: 'https://ita.example.go.th',
      mediaBaseUrl: 'https://ita.example.go.th',
      line: { apiBaseUrl: 'http://127.0.0.1:9999', dataApiBaseUrl: 'http://127.0.0.1:9999' },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LINE_CHANNEL_SECRET: 'only-the-secret' }, 'LINE_CHANNEL_ACCESS_TOKEN'],
    [{ ...REAL, COMPLAINT_KEY: undefined }, 'COMPLAINT_KEY'],
    [{ ...REAL, COMPLAINT_KEY: 'short' }, 'COMPLAINT_KEY'],
    [{ ...REAL, PUBLIC_BASE_URL: undefined }, 'PUBLIC_BASE_URL'],
    [{ ...REAL, PUBLIC_BASE_URL: 'http://ita.example.go.th' }, 'PUBLIC_BASE_URL'],
    [{ LINE_API_BASE_URL: 'not a url' }, 'LINE_API_BASE_URL'],
    [{ LIFF_ID: '1234567890-AbCdEfGh' }, 'LINE_LOGIN_CHANNEL_ID'],
    [{ ADMIN_LINE_USER_IDS: 'Uabc' }, 'ADMIN_LINE_USER_IDS'],
  ])('rejects %j naming %s', (env, name) => {
    const result = parseConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(new RegExp(`^${name}: `, 'm'));
  });

  it('treats a blank variable as unset', () => {
    const result = parseConfig({ LIFF_ID: '', LINE_API_BASE_URL: '  ', PUBLIC_BASE_URL: '' });
    expect(result.ok && result.config.liff.liffId).toBeUndefined();
    expect(result.ok && result.config.line.apiBaseUrl).toBe('https://api.line.me');
  });

  it('reads a list of first coordinators', () => {
    const a = `U${'a'.repeat(32)}`;
    const b = `U${'b'.repeat(32)}`;
    const result = parseConfig({ ADMIN_LINE_USER_IDS: `${a}, ${b}` });
    expect(result.ok && result.config.adminLineUserIds).toEqual([a, b]);
  });
});
