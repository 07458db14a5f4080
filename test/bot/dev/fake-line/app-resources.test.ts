// The fake's other endpoints: profiles, groups, content (api-data), loading animation, rich menus.
import { describe, expect, it } from 'vitest';
import * as f from './factories.ts';
import { harness } from './harness.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

describe('fake LINE resources', () => {
  it('answers profiles: made up by default, registered ones, and 404 for a blocked user', async () => {
    const { get, state } = harness();
    state.setProfile(f.USER, { displayName: 'สมศรี', pictureUrl: 'https://example.com/p.png' });
    state.setProfile(f.OTHER_USER, null);
    expect(await (await get(`/v2/bot/profile/${f.USER}`)).json()).toEqual({
      userId: f.USER,
      displayName: 'สมศรี',
      pictureUrl: 'https://example.com/p.png',
    });
    expect((await get(`/v2/bot/profile/${f.OTHER_USER}`)).status).toBe(404);
    expect((await get(`/v2/bot/profile/U${'9'.repeat(32)}`)).status).toBe(200);
  });

  it('answers group summary and member profiles until the bot leaves the group', async () => {
    const { get, post, state } = harness();
    state.setGroup(f.GROUP, { groupName: 'ITA อบต.บางพูน', memberIds: [f.USER] });
    expect(await (await get(`/v2/bot/group/${f.GROUP}/summary`)).json()).toEqual({
      groupId: f.GROUP,
      groupName: 'ITA อบต.บางพูน',
    });
    expect((await get(`/v2/bot/group/${f.GROUP}/member/${f.USER}`)).status).toBe(200);
    expect((await get(`/v2/bot/group/${f.GROUP}/member/${f.OTHER_USER}`)).status).toBe(404);
    expect((await post(`/v2/bot/group/${f.GROUP}/leave`)).status).toBe(200);
    expect(state.leftGroups()).toEqual([f.GROUP]);
    expect((await get(`/v2/bot/group/${f.GROUP}/summary`)).status).toBe(404);
  });

  it('serves registered content bytes with their type on the data path, 404 otherwise', async () => {
    const { get, state } = harness();
    state.setContent('4001', PNG, 'image/png');
    const res = await get('/v2/bot/message/4001/content');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    expect((await get('/v2/bot/message/4002/content')).status).toBe(404);
  });

  it('answers 202 {} to the loading animation and checks its body', async () => {
    const { post, state } = harness();
    const res = await post('/v2/bot/chat/loading/start', { chatId: f.USER, loadingSeconds: 20 });
    expect([res.status, await res.json()]).toEqual([202, {}]);
    expect((await post('/v2/bot/chat/loading/start', { chatId: f.GROUP, loadingSeconds: 7 })).status).toBe(
      400,
    );
    expect(state.violations()[0]?.errors).toEqual([
      'chatId: must be a user ID: the loading animation works only in one-to-one chats',
      'loadingSeconds: must be a multiple of 5',
    ]);
  });

  it('creates a rich menu, takes its image once, then sets it as default and links users and aliases', async () => {
    const { post, get, state } = harness();
    const menu = {
      size: { width: 2500, height: 843 },
      selected: true,
      name: 'main',
      chatBarText: 'เมนู',
      areas: [],
    };
    const { richMenuId } = await (await post('/v2/bot/richmenu', menu)).json();
    expect(richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
    expect((await post(`/v2/bot/user/all/richmenu/${richMenuId}`)).status).toBe(400);
    const upload = (body: Uint8Array) =>
      post(`/v2/bot/richmenu/${richMenuId}/content`, body, { 'content-type': 'image/png' });
    expect((await upload(PNG)).status).toBe(200);
    expect((await upload(PNG)).status).toBe(400);
    expect((await post(`/v2/bot/user/all/richmenu/${richMenuId}`)).status).toBe(200);
    expect((await post(`/v2/bot/user/${f.USER}/richmenu/${richMenuId}`)).status).toBe(200);
    expect(await (await get(`/v2/bot/user/${f.USER}/richmenu`)).json()).toEqual({ richMenuId });
    expect((await post('/v2/bot/richmenu/alias', { richMenuAliasId: 'home', richMenuId })).status).toBe(200);
    expect(await (await get('/v2/bot/richmenu/alias/home')).json()).toEqual({
      richMenuAliasId: 'home',
      richMenuId,
    });
    expect(state.richMenus.defaultId).toBe(richMenuId);
    expect(state.violations()).toEqual([]);
  });

  it('refuses a rich menu image that is not JPEG or PNG, or over 1 MB', async () => {
    const { post, state } = harness();
    const { richMenuId } = await (
      await post('/v2/bot/richmenu', {
        size: { width: 2500, height: 843 },
        selected: false,
        name: 'm',
        chatBarText: 'm',
        areas: [],
      })
    ).json();
    const path = `/v2/bot/richmenu/${richMenuId}/content`;
    expect((await post(path, PNG, { 'content-type': 'image/gif' })).status).toBe(400);
    expect((await post(path, new Uint8Array(1024 * 1024 + 1), { 'content-type': 'image/jpeg' })).status).toBe(
      400,
    );
    expect(state.violations().map((r) => r.body)).toEqual([PNG.length, 1024 * 1024 + 1]);
  });

  it('rejects a rich menu whose chat bar text is over 14 characters', async () => {
    const { post } = harness();
    const menu = {
      size: { width: 2500, height: 843 },
      selected: false,
      name: 'm',
      chatBarText: 'ก'.repeat(15),
      areas: [],
    };
    expect((await post('/v2/bot/richmenu', menu)).status).toBe(400);
  });
});

describe('fake LINE API record limit', () => {
  it('keeps only the newest requests when maxRecorded is set, and counts the dropped ones', async () => {
    const { startFakeLine } = await import('../../../../bot/dev/fake-line/index.ts');
    const fake = await startFakeLine({ maxRecorded: 10, rateLimits: false });
    try {
      for (let i = 0; i < 25; i++) {
        await fetch(`${fake.url}/v2/bot/message/push`, {
          method: 'POST',
          headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
          body: JSON.stringify({
            to: `U${'1'.repeat(32)}`,
            messages: [{ type: 'text', text: `ข้อความ ${i}` }],
          }),
        });
      }
      expect(fake.requests.length).toBeLessThanOrEqual(10);
      expect(fake.droppedRequests + fake.requests.length).toBe(25);
      expect(fake.sent().length).toBeLessThanOrEqual(10);
      expect(JSON.stringify(fake.sent().at(-1)?.messages)).toContain('ข้อความ 24');
    } finally {
      await fake.close();
    }
  });
});
