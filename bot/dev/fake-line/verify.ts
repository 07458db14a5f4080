// LINE Login's ID-token check, `POST /oauth2/v2.1/verify` (PLATFORM-NOTES §2); not part of messaging-api.yml.
import type { FakeReply } from './handler.ts';
import type { FakeLineState } from './state.ts';

export const VERIFY_PATH = '/oauth2/v2.1/verify';
export const VERIFY_OPERATION = 'verifyIdToken';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const INVALID = { error: 'invalid_request', error_description: 'Invalid IdToken.' };

export interface VerifyOutcome {
  reply: FakeReply;
  /** Caller mistakes (wrong content type, missing fields), recorded as contract violations. */
  errors: string[];
  form: Record<string, string>;
}

export function verifyIdToken(state: FakeLineState, contentType: string, raw: string): VerifyOutcome {
  const form = Object.fromEntries(new URLSearchParams(raw));
  const errors: string[] = [];
  if (!contentType.startsWith(FORM_TYPE))
    errors.push(`content-type must be ${FORM_TYPE}, not ${contentType || 'missing'}`);
  for (const field of ['id_token', 'client_id']) if (!form[field]) errors.push(`${field}: is required`);
  const idToken = form.id_token;
  const clientId = form.client_id;
  if (errors.length > 0 || idToken === undefined || clientId === undefined) {
    return {
      reply: { status: 400, json: { error: 'invalid_request', error_description: errors.join('; ') } },
      errors,
      form,
    };
  }
  const claims = state.idTokens.get(idToken);
  const aud = claims?.aud ?? state.options.loginChannelId ?? clientId;
  const nowSeconds = Math.floor(state.now() / 1000);
  if (claims === undefined || claims.exp <= nowSeconds || aud !== clientId) {
    return { reply: { status: 400, json: INVALID }, errors, form };
  }
  const payload = {
    iss: 'https://access.line.me',
    sub: claims.sub,
    aud: clientId,
    exp: claims.exp,
    iat: claims.iat,
    amr: ['linesso'],
    ...(claims.name === undefined ? {} : { name: claims.name }),
    ...(claims.picture === undefined ? {} : { picture: claims.picture }),
  };
  return { reply: { status: 200, json: payload }, errors, form };
}
