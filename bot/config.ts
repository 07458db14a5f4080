// Runtime configuration (DESIGN.md §5.3): read once by an entry point, validated with zod, never re-read.
import { z } from 'zod';

const LINE_API = 'https://api.line.me';
const LINE_DATA_API = 'https://api-data.line.me';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

const base64Key = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v), 'must be 32 bytes in base64 (openssl rand -base64 32)');

const lineUserIds = z
  .string()
  .trim()
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  .refine(
    (ids) => ids.every((id) => /^U[0-9a-f]{32}$/.test(id)),
    'must be LINE user IDs (U + 32 hex), comma-separated',
  );

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z
    .string()
    .trim()
    .refine((v) => /^[0-9A-Za-z.:[\]-]+$/.test(v), 'must be an interface address or host name, e.g. 0.0.0.0')
    .optional(),
  DATABASE_PATH: optionalText,
  LINE_CHANNEL_SECRET: optionalText,
  LINE_CHANNEL_ACCESS_TOKEN: optionalText,
  LINE_API_BASE_URL: httpUrl.optional(),
  LINE_DATA_API_BASE_URL: httpUrl.optional(),
  LINE_LOGIN_CHANNEL_ID: z
    .string()
    .trim()
    .refine((v) => /^\d{6,}$/.test(v), 'must be the numeric channel ID of the LINE Login channel')
    .optional(),
  LIFF_ID: z
    .string()
    .trim()
    .refine((v) => /^\d+-\w+$/.test(v), 'must look like 1234567890-AbCdEfGh')
    .optional(),
  COMPLAINT_KEY: base64Key.optional(),
  ADMIN_LINE_USER_IDS: lineUserIds.optional(),
  PUBLIC_BASE_URL: httpUrl.optional(),
  PROVINCE_ID: z
    .string()
    .trim()
    .refine(
      (v) => /^[a-z][a-z0-9-]{1,62}$/.test(v),
      'must be a short id in lower-case letters, digits and -, e.g. tak',
    )
    .optional(),
  PROVINCE_NAME_TH: z
    .string()
    .trim()
    .refine((v) => /^[\u0E00-\u0E7F ]{2,60}$/.test(v), "must be the province's name in Thai, e.g. ตาก")
    .optional(),
});

export interface Config {
  port: number;
  /**
   * The interface Node listens on: HOST, else 127.0.0.1 in local mode (its simulator hands out ID tokens to
   * whoever asks) and every interface with real credentials.
   */
  host: string;
  /** HOST was set: in local mode the entry point warns that the simulator is reachable from elsewhere. */
  hostFromEnv: boolean;
  databasePath: string;
  /** Without channel credentials the app runs in local mode: fake LINE API and the /dev simulator. */
  localMode: boolean;
  line: {
    channelSecret: string;
    channelAccessToken: string;
    apiBaseUrl: string;
    dataApiBaseUrl: string;
  };
  /** loginChannelId is LOCAL_LOGIN_CHANNEL_ID in local mode when not set. */
  liff: { liffId?: string; loginChannelId?: string };
  complaintKey?: string;
  adminLineUserIds: string[];
  /** The province this deployment serves, created on the first start of an empty database (real credentials). */
  province?: { id: string; nameTh: string };
  /**
   * The origin of every link the bot sends (short links, the mini-app, the privacy page). In local mode without
   * PUBLIC_BASE_URL: the local server's own (`http://127.0.0.1:8787`), so the simulator and a browser open them.
   */
  publicBaseUrl: string;
  /**
   * The https origin LINE fetches images from (QR codes). PUBLIC_BASE_URL when set; in local mode without it
   * LOCAL_PUBLIC_BASE_URL, since LINE (and the fake LINE API) take only https images: the simulator maps it back.
   */
  mediaBaseUrl: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Local mode's stand-in origin for images: LINE accepts only https image URLs, and the fake LINE API checks
 * that; the /dev simulator turns this origin back into the local server's.
 */
export const LOCAL_PUBLIC_BASE_URL = 'https://ita-line.local';

/** Local mode's LINE Login channel: the fake LINE API's /oauth2/v2.1/verify answers for it. */
const LOCAL_LOGIN_CHANNEL_ID = '1000000001';

/** Values that local mode uses so that `npm start` works with nothing configured. */
export const LOCAL_LINE = { channelSecret: 'local-channel-secret', channelAccessToken: 'local-access-token' };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  // A variable set to blank (`LIFF_ID=` in an env file) counts as unset, for every variable alike.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
      ),
    };
  }
  const e = parsed.data;
  const errors: string[] = [];
  const hasSecret = e.LINE_CHANNEL_SECRET !== undefined;
  const hasToken = e.LINE_CHANNEL_ACCESS_TOKEN !== undefined;
  if (hasSecret !== hasToken) {
    const missing = hasSecret ? 'LINE_CHANNEL_ACCESS_TOKEN' : 'LINE_CHANNEL_SECRET';
    errors.push(`${missing}: required when the other LINE channel credential is set`);
  }
  const localMode = !hasSecret && !hasToken;
  if (!localMode && e.COMPLAINT_KEY === undefined) {
    errors.push('COMPLAINT_KEY: required with real LINE credentials (openssl rand -base64 32)');
  }
  if (!localMode && e.PUBLIC_BASE_URL === undefined) {
    errors.push(
      'PUBLIC_BASE_URL: required with real LINE credentials (the https origin LINE users open links on)',
    );
  } else if (!localMode && e.PUBLIC_BASE_URL?.startsWith('https://') !== true) {
    errors.push('PUBLIC_BASE_URL: must be https (LINE opens and shows only https links and images)');
  }
  if (e.LIFF_ID !== undefined && e.LINE_LOGIN_CHANNEL_ID === undefined) {
    errors.push('LINE_LOGIN_CHANNEL_ID: required when LIFF_ID is set (ID tokens are verified against it)');
  }
  if ((e.PROVINCE_ID === undefined) !== (e.PROVINCE_NAME_TH === undefined)) {
    const missing = e.PROVINCE_ID === undefined ? 'PROVINCE_ID' : 'PROVINCE_NAME_TH';
    errors.push(`${missing}: required with the other (the province's id and its Thai name)`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const host = e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0');
  // A server listening on every interface is opened through localhost.
  const localOrigin = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${e.PORT}`;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host,
      hostFromEnv: e.HOST !== undefined,
      databasePath: e.DATABASE_PATH ?? './data/ita.sqlite',
      localMode,
      line: {
        channelSecret: e.LINE_CHANNEL_SECRET ?? LOCAL_LINE.channelSecret,
        channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN ?? LOCAL_LINE.channelAccessToken,
        apiBaseUrl: e.LINE_API_BASE_URL ?? LINE_API,
        dataApiBaseUrl: e.LINE_DATA_API_BASE_URL ?? e.LINE_API_BASE_URL ?? LINE_DATA_API,
      },
      liff: {
        liffId: e.LIFF_ID,
        loginChannelId: e.LINE_LOGIN_CHANNEL_ID ?? (localMode ? LOCAL_LOGIN_CHANNEL_ID : undefined),
      },
      complaintKey: e.COMPLAINT_KEY,
      adminLineUserIds: e.ADMIN_LINE_USER_IDS ?? [],
      publicBaseUrl: e.PUBLIC_BASE_URL ?? localOrigin,
      mediaBaseUrl: e.PUBLIC_BASE_URL ?? LOCAL_PUBLIC_BASE_URL,
      ...(e.PROVINCE_ID !== undefined && e.PROVINCE_NAME_TH !== undefined
        ? { province: { id: e.PROVINCE_ID, nameTh: e.PROVINCE_NAME_TH } }
        : {}),
    },
  };
}
