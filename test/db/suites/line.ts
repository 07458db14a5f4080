// LINE users, roles, groups, one-time bind codes and chat flow state, on both dialects.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/db.ts';
import { consumeBindCode, createBindCode, findBindCode } from '../../../db/queries/bind-codes.ts';
import {
  bindGroupWithCode,
  findGroup,
  listAgencyGroups,
  listBoundGroups,
  markGroupLeft,
  recordGroupJoined,
  unbindGroup,
} from '../../../db/queries/line-groups.ts';
import { findLineUser, setFollowing, upsertLineUser } from '../../../db/queries/line-users.ts';
import { grantRole, listRoleHolders, listRoles, revokeRole } from '../../../db/queries/user-roles.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NOW, PROVINCE, seedProvince } from '../fixtures.ts';

const WEEK = 7 * 24 * 60;

async function withCode(
  open: () => Promise<Db>,
  code: string,
  agencyId: string | null = 'pt-pao',
): Promise<Db> {
  const db = await open();
  await seedProvince(db);
  const kind = agencyId ? 'staff' : 'officers';
  await createBindCode(
    db,
    { code, provinceId: PROVINCE, agencyId, kind, createdBy: 'Ucoord', expiresAt: minutesLater(WEEK) },
    NOW,
  );
  return db;
}

describe('line users and roles', () => {
  forEachDialect((ctx) => {
    it('keeps the first sighting and a known name when seen again without one', async () => {
      const db = await ctx.open();
      await upsertLineUser(db, { userId: 'U1', displayName: 'สมชาย' }, NOW);
      const again = await upsertLineUser(db, { userId: 'U1' }, minutesLater(5));
      expect(again).toEqual({
        userId: 'U1',
        displayName: 'สมชาย',
        firstSeenAt: NOW.toISOString(),
        lastSeenAt: minutesLater(5).toISOString(),
        unfollowedAt: null,
      });
      expect(await setFollowing(db, 'U1', false, minutesLater(6))).toBe(true);
      expect((await findLineUser(db, 'U1'))?.unfollowedAt).toBe(minutesLater(6).toISOString());
      expect(await setFollowing(db, 'U-unknown', true, NOW)).toBe(false);
    });

    it('grants a role once, to a user never seen, and revokes it', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const staff = { userId: 'Unew', role: 'staff' as const, provinceId: PROVINCE, agencyId: 'pt-pao' };
      expect(await grantRole(db, { ...staff, grantedBy: 'Ucoord' }, NOW)).toBe(true);
      expect(await grantRole(db, { ...staff, grantedBy: 'Ucoord' }, NOW)).toBe(false);
      expect(await findLineUser(db, 'Unew')).toBeDefined();
      const coordinator = { userId: 'Unew', role: 'coordinator' as const, provinceId: PROVINCE };
      expect(await grantRole(db, { ...coordinator, grantedBy: null }, NOW)).toBe(true);
      expect(await grantRole(db, { ...coordinator, agencyId: null, grantedBy: null }, NOW)).toBe(false);
      expect((await listRoles(db, 'Unew')).map((r) => [r.role, r.agencyId])).toEqual([
        ['coordinator', null],
        ['staff', 'pt-pao'],
      ]);
      expect(await revokeRole(db, staff)).toBe(true);
      expect(await revokeRole(db, staff)).toBe(false);
      expect((await listRoles(db, 'Unew')).map((r) => r.role)).toEqual(['coordinator']);
    });

    it('lists holders of a role for an agency or the province', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await grantRole(
        db,
        { userId: 'Uo1', role: 'officer', provinceId: PROVINCE, agencyId: 'pt-pao', grantedBy: null },
        NOW,
      );
      await grantRole(db, { userId: 'Uo2', role: 'officer', provinceId: PROVINCE, grantedBy: null }, NOW);
      const ids = async (agencyId?: string | null) =>
        (await listRoleHolders(db, { provinceId: PROVINCE, role: 'officer', agencyId })).map((r) => r.userId);
      expect(await ids('pt-pao')).toEqual(['Uo1']);
      expect(await ids(null)).toEqual(['Uo2']);
      expect(await ids()).toEqual(['Uo1', 'Uo2']);
    });
  });
});

describe('line groups and bind codes', () => {
  forEachDialect((ctx) => {
    it('binds a group with a code and uses the code up', async () => {
      const db = await withCode(ctx.open, '4KX9QP');
      await recordGroupJoined(db, 'Cgroup', NOW);
      const bound = await bindGroupWithCode(
        db,
        { code: '4KX9QP', groupId: 'Cgroup', userId: 'Ustaff' },
        minutesLater(1),
      );
      expect(bound).toEqual({
        groupId: 'Cgroup',
        agencyId: 'pt-pao',
        provinceId: PROVINCE,
        kind: 'staff',
        joinedAt: NOW.toISOString(),
        boundAt: minutesLater(1).toISOString(),
        boundBy: 'Ustaff',
        leftAt: null,
      });
      expect(await findBindCode(db, '4KX9QP')).toMatchObject({ usedByGroup: 'Cgroup', usedByUser: 'Ustaff' });
      expect(
        await bindGroupWithCode(db, { code: '4KX9QP', groupId: 'Cother', userId: 'U' }, minutesLater(2)),
      ).toBeUndefined();
      expect(await findGroup(db, 'Cother')).toBeUndefined();
    });

    it('lets only one of two racing groups use a code', async () => {
      const db = await withCode(ctx.open, 'RACE01');
      const results = await Promise.all(
        ['Ca', 'Cb', 'Cc'].map((groupId) =>
          bindGroupWithCode(db, { code: 'RACE01', groupId, userId: null }, NOW),
        ),
      );
      const winners = results.filter((r) => r !== undefined);
      expect(winners).toHaveLength(1);
      const groups = await listAgencyGroups(db, 'pt-pao');
      expect(groups.map((g) => g.groupId)).toEqual([winners[0]?.groupId]);
    });

    it('refuses an expired or unknown code and binds nothing', async () => {
      const db = await withCode(ctx.open, 'OLD001');
      expect(
        await bindGroupWithCode(db, { code: 'OLD001', groupId: 'Cg', userId: null }, minutesLater(WEEK)),
      ).toBeUndefined();
      expect(
        await bindGroupWithCode(db, { code: 'NOPE00', groupId: 'Cg', userId: null }, NOW),
      ).toBeUndefined();
      expect(await findBindCode(db, 'OLD001')).toMatchObject({ usedAt: null });
      expect(await findGroup(db, 'Cg')).toBeUndefined();
    });

    it('rebinds a group to another agency, and refuses a taken code string', async () => {
      const db = await withCode(ctx.open, 'FIRST1');
      const second = {
        code: 'SECND2',
        provinceId: PROVINCE,
        agencyId: 'pt-office',
        kind: 'staff',
        expiresAt: minutesLater(WEEK),
      };
      expect(await createBindCode(db, second, NOW)).toBe(true);
      expect(await createBindCode(db, { ...second, agencyId: 'pt-pao' }, NOW)).toBe(false);
      await bindGroupWithCode(db, { code: 'FIRST1', groupId: 'Cg', userId: null }, NOW);
      const rebound = await bindGroupWithCode(
        db,
        { code: 'SECND2', groupId: 'Cg', userId: null },
        minutesLater(1),
      );
      expect(rebound?.agencyId).toBe('pt-office');
      expect(await listAgencyGroups(db, 'pt-pao')).toEqual([]);
    });

    it('keeps a left group out of lists until the bot joins again, and unbinds', async () => {
      const db = await withCode(ctx.open, 'LEAVE1');
      await bindGroupWithCode(db, { code: 'LEAVE1', groupId: 'Cg', userId: null }, NOW);
      expect(await markGroupLeft(db, 'Cg', minutesLater(1))).toBe(true);
      expect(await listAgencyGroups(db, 'pt-pao')).toEqual([]);
      await recordGroupJoined(db, 'Cg', minutesLater(2));
      expect((await listAgencyGroups(db, 'pt-pao')).map((g) => g.groupId)).toEqual(['Cg']);
      expect(await unbindGroup(db, 'Cg')).toBe(true);
      expect(await unbindGroup(db, 'Cg')).toBe(false);
      expect(await findGroup(db, 'Cg')).toMatchObject({ agencyId: null, kind: null, leftAt: null });
    });

    it('lists bound groups by agency type, district and kind for broadcasts', async () => {
      const db = await withCode(ctx.open, 'PAO001');
      const code = (c: string, agencyId: string | null) =>
        createBindCode(
          db,
          {
            code: c,
            provinceId: PROVINCE,
            agencyId,
            kind: agencyId ? 'staff' : 'officers',
            expiresAt: minutesLater(WEEK),
          },
          NOW,
        );
      await code('SAO001', 'pt-khlong-nueng');
      await code('OFF001', null);
      for (const [c, g] of [
        ['PAO001', 'Cpao'],
        ['SAO001', 'Csao'],
        ['OFF001', 'Coff'],
      ] as const) {
        await bindGroupWithCode(db, { code: c, groupId: g, userId: null }, NOW);
      }
      const ids = async (filter: Parameters<typeof listBoundGroups>[2]) =>
        (await listBoundGroups(db, PROVINCE, filter)).map((g) => g.groupId).sort();
      expect(await ids({})).toEqual(['Coff', 'Cpao', 'Csao']);
      expect(await ids({ kind: 'staff' })).toEqual(['Cpao', 'Csao']);
      expect(await ids({ agencyTypes: ['sao'] })).toEqual(['Csao']);
      expect(await ids({ districts: ['คลองหลวง'] })).toEqual(['Csao']);
      expect(await ids({ kind: 'officers' })).toEqual(['Coff']);
      // "Agencies not done with activity N" in a big province: more ids than D1 binds in one statement (100).
      const many = Array.from({ length: 150 }, (_, i) => `agency-${i}`);
      expect(await ids({ agencyIds: [...many, 'pt-khlong-nueng'] })).toEqual(['Csao']);
    });

    it('consumes a one-time code of another kind once', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await createBindCode(
        db,
        { code: 'BOOT01', provinceId: PROVINCE, kind: 'coordinator', expiresAt: minutesLater(60) },
        NOW,
      );
      expect(
        await bindGroupWithCode(db, { code: 'BOOT01', groupId: 'Cg', userId: null }, NOW),
      ).toBeUndefined();
      const [a, b] = await Promise.all([
        consumeBindCode(db, { code: 'BOOT01', kind: 'coordinator', userId: 'Ua' }, NOW),
        consumeBindCode(db, { code: 'BOOT01', kind: 'coordinator', userId: 'Ub' }, NOW),
      ]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect((a ?? b)?.agencyId).toBeNull();
    });
  });
});
