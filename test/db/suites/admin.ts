// Audit log, application settings and rate-limit counters, on both dialects.
import { describe, expect, it } from 'vitest';
import { deleteSetting, getSetting, setSetting } from '../../../db/queries/app-settings.ts';
import { appendAudit, buildAudit, listAudit } from '../../../db/queries/audit-log.ts';
import { deleteRateLimitsBefore, hitRateLimit } from '../../../db/queries/rate-limits.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NOW } from '../fixtures.ts';

describe('audit log', () => {
  forEachDialect((ctx) => {
    it('appends entries and lists them newest first, by subject or actor', async () => {
      const db = await ctx.open();
      const id = await appendAudit(
        db,
        {
          actor: 'Uofficer',
          action: 'complaint.identity_read',
          subjectType: 'complaint',
          subjectId: 'c1',
          detail: { via: 'liff' },
        },
        NOW,
      );
      expect(id).toBe(1);
      await appendAudit(
        db,
        { actor: 'cli', action: 'role.grant', subjectType: 'user', subjectId: 'U9' },
        minutesLater(1),
      );
      await db.batch([
        buildAudit(
          db,
          { actor: 'Uofficer', action: 'complaint.status', subjectType: 'complaint', subjectId: 'c1' },
          minutesLater(2),
        ),
      ]);
      expect((await listAudit(db)).map((e) => e.action)).toEqual([
        'complaint.status',
        'role.grant',
        'complaint.identity_read',
      ]);
      const aboutC1 = await listAudit(db, { subjectType: 'complaint', subjectId: 'c1' });
      expect(aboutC1.at(-1)).toEqual({
        id: 1,
        at: NOW.toISOString(),
        actor: 'Uofficer',
        action: 'complaint.identity_read',
        subjectType: 'complaint',
        subjectId: 'c1',
        detail: { via: 'liff' },
      });
      expect((await listAudit(db, { actor: 'cli' })).map((e) => e.subjectId)).toEqual(['U9']);
      expect(await listAudit(db, { limit: 1 })).toHaveLength(1);
    });
  });
});

describe('app settings', () => {
  forEachDialect((ctx) => {
    it('stores JSON values, replaces them and forgets them', async () => {
      const db = await ctx.open();
      expect(await getSetting(db, 'holidays')).toBeUndefined();
      await setSetting(db, 'holidays', ['2026-12-05', '2026-12-10'], 'Ucoord', NOW);
      expect(await getSetting(db, 'holidays')).toEqual(['2026-12-05', '2026-12-10']);
      await setSetting(db, 'holidays', [], 'Ucoord', minutesLater(1));
      expect(await getSetting(db, 'holidays')).toEqual([]);
      await setSetting(db, 'sending_paused_until', null, null, NOW);
      expect(await getSetting(db, 'sending_paused_until')).toBeNull();
      expect(await deleteSetting(db, 'holidays')).toBe(true);
      expect(await deleteSetting(db, 'holidays')).toBe(false);
    });
  });
});

describe('rate limits', () => {
  forEachDialect((ctx) => {
    it('counts every hit in a window, concurrent ones included, and prunes old windows', async () => {
      const db = await ctx.open();
      const counts = await Promise.all(
        [1, 2, 3, 4].map(() => hitRateLimit(db, 'complaint:h1', '2026-11-23T09')),
      );
      expect(counts.sort()).toEqual([1, 2, 3, 4]);
      expect(await hitRateLimit(db, 'complaint:h1', '2026-11-23T10')).toBe(1);
      expect(await hitRateLimit(db, 'complaint:h2', '2026-11-23T09')).toBe(1);
      expect(await deleteRateLimitsBefore(db, '2026-11-23T10')).toBe(2);
      expect(await hitRateLimit(db, 'complaint:h1', '2026-11-23T10')).toBe(2);
    });
  });
});
