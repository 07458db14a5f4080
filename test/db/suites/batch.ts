// Db#batch: all-or-nothing writes with per-statement results, identical on better-sqlite3 and D1.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../dialects.ts';
import { NOW } from '../fixtures.ts';

const at = NOW.toISOString();

describe('Db.batch', () => {
  forEachDialect((ctx) => {
    it('reports which dialect it runs on', async () => {
      const db = await ctx.open();
      expect(db.dialect).toBe(ctx.name);
    });

    it('leaves nothing behind when a later statement violates a UNIQUE constraint', async () => {
      const db = await ctx.open();
      await db.kysely
        .insertInto('provinces')
        .values({ id: 'taken', name_th: 'มีแล้ว', created_at: at })
        .execute();
      const batch = db.batch([
        db.kysely.insertInto('provinces').values({ id: 'new-one', name_th: 'ใหม่', created_at: at }),
        db.kysely.insertInto('app_settings').values({ key: 'k', value: '1', updated_at: at }),
        db.kysely.insertInto('provinces').values({ id: 'taken', name_th: 'ซ้ำ', created_at: at }),
      ]);
      await expect(batch).rejects.toThrow(/UNIQUE/);
      const provinces = await db.kysely.selectFrom('provinces').select('id').execute();
      expect(provinces.map((p) => p.id)).toEqual(['taken']);
      expect(await db.kysely.selectFrom('app_settings').selectAll().execute()).toEqual([]);
    });

    it('leaves nothing behind when a statement violates a foreign key', async () => {
      const db = await ctx.open();
      const batch = db.batch([
        db.kysely.insertInto('provinces').values({ id: 'p', name_th: 'จังหวัด', created_at: at }),
        db.kysely.insertInto('agencies').values({
          id: 'a',
          province_id: 'no-such-province',
          name_th: 'หน่วยงาน',
          type: 'other',
          created_at: at,
          updated_at: at,
        }),
      ]);
      await expect(batch).rejects.toThrow(/FOREIGN KEY/);
      expect(await db.kysely.selectFrom('provinces').selectAll().execute()).toEqual([]);
    });

    it('returns RETURNING rows and affected counts per statement, in order', async () => {
      const db = await ctx.open();
      const [insert, update, select, plain] = await db.batch([
        db.kysely
          .insertInto('provinces')
          .values([
            { id: 'a', name_th: 'ก', created_at: at },
            { id: 'b', name_th: 'ข', created_at: at },
          ])
          .returning('id'),
        db.kysely
          .updateTable('provinces')
          .set({ name_en: 'B' })
          .where('id', '=', 'b')
          .returning(['id', 'name_en']),
        db.kysely.selectFrom('provinces').select('id').orderBy('id'),
        db.kysely.deleteFrom('provinces').where('id', '=', 'a'),
      ]);
      expect(insert.rows).toEqual([{ id: 'a' }, { id: 'b' }]);
      expect(insert.numAffectedRows).toBe(2);
      expect(update.rows).toEqual([{ id: 'b', name_en: 'B' }]);
      expect(select.rows).toEqual([{ id: 'a' }, { id: 'b' }]);
      expect(select.numAffectedRows).toBe(0);
      expect(plain).toEqual({ rows: [], numAffectedRows: 1 });
    });

    it('runs compiled raw SQL next to query builders', async () => {
      const db = await ctx.open();
      const [raw] = await db.batch([sql<{ n: number }>`SELECT 40 + ${2} AS n`.compile(db.kysely)]);
      expect(raw.rows).toEqual([{ n: 42 }]);
    });

    it('resolves an empty batch to no results', async () => {
      const db = await ctx.open();
      expect(await db.batch([])).toEqual([]);
    });

    it('refuses interactive transactions on D1 only', async () => {
      const db = await ctx.open();
      const tx = db.kysely
        .transaction()
        .execute(async (trx) => trx.selectFrom('provinces').selectAll().execute());
      if (ctx.name === 'd1') await expect(tx).rejects.toThrow(/no interactive transactions.*batch/);
      else await expect(tx).resolves.toEqual([]);
    });
  });
});
