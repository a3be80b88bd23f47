import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeDir } from '@unani/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfMinimalKnowledge, minimalKnowledgeDir } from '../../../packages/knowledge/test/knowledgeFixture.ts';
import { createPrisma } from '../src/db/prisma.ts';
import { seedKnowledge } from '../src/db/seedKnowledge.ts';
import { createTestDb } from './testDatabase.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function snapshot() {
  const db = t.db;
  return {
    diseases: await db.disease.findMany({ orderBy: { code: 'asc' } }),
    links: await db.diseaseSymptom.findMany({ orderBy: { id: 'asc' } }),
    items: await db.treatmentProtocolItem.findMany({ orderBy: { id: 'asc' } }),
    ingredients: await db.formulationIngredient.findMany({ orderBy: { id: 'asc' } }),
    citations: await db.citation.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('knowledge seeding', () => {
  it('writes every entry with its links, protocol, ingredients and citations', async () => {
    const kb = loadKnowledgeDir(minimalKnowledgeDir);
    const report = await seedKnowledge(t.db, kb);
    // 2 sources + 9 symptoms + 2 diseases + 3 drugs + 2 formulations + 3 red flags
    expect(report).toEqual({ created: 21, updated: 0, unchanged: 0, deleted: 0, kept: [] });
    const migraine = await t.db.disease.findUniqueOrThrow({
      where: { code: 'shaqeeqa' },
      include: {
        symptoms: { include: { symptom: true } },
        protocol: { include: { items: { orderBy: { position: 'asc' } } } },
      },
    });
    expect(migraine.numcCode).toBe('A-2');
    expect(migraine.symptoms.map((s) => [s.symptom.code, s.likelihood, s.cardinal])).toEqual(
      expect.arrayContaining([
        ['headache', 0.95, true],
        ['nausea', 0.6, false],
      ]),
    );
    expect(migraine.protocol?.items.map((i) => i.kind)).toEqual(['dawa', 'ghiza', 'ghiza', 'tadbeer']);
    expect(migraine.protocol?.items[0]).toMatchObject({
      formulationCode: 'itrifal-ustukhuddus',
      dose: '5 g at bedtime',
    });
    const citation = await t.db.citation.findFirst({
      where: { entity: 'disease', entityCode: 'shaqeeqa', source: { code: 'stg-ccrum' } },
    });
    expect(citation?.locator).toBe('p. 12');
    const formulation = await t.db.formulation.findUniqueOrThrow({
      where: { code: 'itrifal-ustukhuddus' },
      include: { ingredients: true },
    });
    expect(formulation.ingredients.map((i) => [i.name, i.singleDrugId !== null])).toEqual([
      ['Ustukhuddus', true],
      ['Halela Kabuli', false],
    ]);
  });

  it('changes nothing when run again on the same files', async () => {
    const before = await snapshot();
    const report = await seedKnowledge(t.db, loadKnowledgeDir(minimalKnowledgeDir));
    expect(report).toEqual({ created: 0, updated: 0, unchanged: 21, deleted: 0, kept: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('rewrites only the entry whose file changed', async () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/zukam.yaml', (text) => text.replace('likelihood: 0.3', 'likelihood: 0.35'));
    const report = await seedKnowledge(t.db, loadKnowledgeDir(copy.dir));
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 20, deleted: 0 });
    const fever = await t.db.diseaseSymptom.findFirst({
      where: { disease: { code: 'zukam' }, symptom: { code: 'fever' } },
    });
    expect(fever?.likelihood).toBe(0.35);
  });

  it('keeps and reports a removed entry that clinical records use, and deletes an unused one', async () => {
    const practitioner = await t.db.user.create({
      data: { email: 'seed-test@example.org', name: 'Seed Test', role: 'practitioner', passwordHash: 'x' },
    });
    const patient = await t.db.patient.create({
      data: { practitionerId: practitioner.id, name: 'P', age: 30, sex: 'female' },
    });
    const encounter = await t.db.encounter.create({
      data: { patientId: patient.id, practitionerId: practitioner.id, complaint: 'x' },
    });
    const photophobia = await t.db.symptom.findUniqueOrThrow({ where: { code: 'photophobia' } });
    await t.db.finding.create({
      data: { encounterId: encounter.id, symptomId: photophobia.id, present: true, origin: 'picked' },
    });

    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/shaqeeqa.yaml', (text) => text.replace('  - { symptom: photophobia, likelihood: 0.7 }\n', ''));
    copy.edit('symptoms/symptoms.yaml', (text) =>
      text
        .replace(/- code: photophobia\n(?: {2}.*\n)+/, '')
        .replace(/- code: nausea\n(?: {2}.*\n)+/, '')
        .replace('  - { symptom: nausea, likelihood: 0.6 }\n', ''),
    );
    copy.edit('diseases/shaqeeqa.yaml', (text) => text.replace('  - { symptom: nausea, likelihood: 0.6 }\n', ''));
    const report = await seedKnowledge(t.db, loadKnowledgeDir(copy.dir));
    expect(report.kept).toEqual([
      { kind: 'symptom', code: 'photophobia', reason: 'recorded in 1 encounter finding(s)' },
    ]);
    expect(report.deleted).toBe(1);
    expect(await t.db.symptom.findUnique({ where: { code: 'nausea' } })).toBeNull();
    expect(await t.db.symptom.findUnique({ where: { code: 'photophobia' } })).not.toBeNull();
  });

  it('stores the humoural types a protocol item is for, and none for an item of every type', async () => {
    const copy = copyOfMinimalKnowledge();
    copy.edit('diseases/zukam.yaml', (text) =>
      text
        .replace('organSystem: respiratory', 'organSystem: respiratory\nhumours: [balgham]\nmizajSources: [stg-ccrum]')
        .replace('text: Avoid cold air }', 'text: Avoid cold air, forTypes: [balghami] }'),
    );
    await seedKnowledge(t.db, loadKnowledgeDir(copy.dir));
    const items = await t.db.treatmentProtocolItem.findMany({
      where: { protocol: { disease: { code: 'zukam' } } },
      orderBy: { position: 'asc' },
    });
    expect(items.map((i) => [i.kind, i.forTypes])).toEqual([
      ['dawa', null],
      ['advice', ['balghami']],
    ]);
  });
});

describe('knowledge seeding of an entry new to a seeded base', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes it whole beside the stored ones: links, protocol items and citations', async () => {
    const without = copyOfMinimalKnowledge();
    rmSync(join(without.dir, 'diseases/zukam.yaml'));
    expect(await seedKnowledge(db.db, loadKnowledgeDir(without.dir))).toMatchObject({ created: 20 });
    const report = await seedKnowledge(db.db, loadKnowledgeDir(minimalKnowledgeDir));
    expect(report).toEqual({ created: 1, updated: 0, unchanged: 20, deleted: 0, kept: [] });
    const zukam = await db.db.disease.findUniqueOrThrow({
      where: { code: 'zukam' },
      include: { symptoms: { include: { symptom: true } }, protocol: { include: { items: true } } },
    });
    expect(zukam.symptoms.map((s) => [s.symptom.code, s.likelihood, s.cardinal]).sort()).toEqual([
      ['fever', 0.3, false],
      ['headache', 0.4, false],
      ['runny-nose', 0.9, true],
      ['sneezing', 0.9, true],
    ]);
    expect(
      zukam.protocol?.items.sort((a, b) => a.position - b.position).map((i) => [i.kind, i.singleDrugCode, i.dose]),
    ).toEqual([
      ['dawa', 'ustukhuddus', '3 g twice daily'],
      ['advice', null, null],
    ]);
    const citations = await db.db.citation.findMany({
      where: { entityCode: 'zukam' },
      include: { source: true },
      orderBy: { entity: 'asc' },
    });
    expect(citations.map((c) => [c.entity, c.source.code])).toEqual([
      ['disease', 'numc'],
      ['protocol', 'stg-ccrum'],
    ]);
    // Seeding the whole base on a new database gives the same rows for it.
    const fresh = await createTestDb();
    try {
      await seedKnowledge(fresh.db, loadKnowledgeDir(minimalKnowledgeDir));
      const again = await fresh.db.disease.findUniqueOrThrow({
        where: { code: 'zukam' },
        include: { symptoms: { include: { symptom: true } }, protocol: { include: { items: true } } },
      });
      const shape = (d: typeof zukam) => ({
        symptoms: d.symptoms.map((s) => [s.symptom.code, s.likelihood, s.cardinal]).sort(),
        items: d.protocol?.items.map(({ id: _i, protocolId: _p, ...item }) => item),
        contentHash: d.contentHash,
      });
      expect(shape(again)).toEqual(shape(zukam));
    } finally {
      await fresh.close();
    }
  });
});

describe('knowledge seeding by replicas starting together', () => {
  it('leaves every entry written once and whole when three seed a new database at the same moment', async () => {
    const t = await createTestDb();
    const others = [createPrisma(t.target, 2), createPrisma(t.target, 2)];
    try {
      const kb = loadKnowledgeDir(minimalKnowledgeDir);
      const reports = await Promise.all([t.db, ...others].map((db) => seedKnowledge(db, kb)));
      // Each entry was created by one of them and found unchanged by the others.
      expect(reports.reduce((sum, r) => sum + r.created, 0)).toBe(21);
      for (const r of reports) expect(r.created + r.unchanged).toBe(21);
      expect(await t.db.disease.count()).toBe(2);
      expect(await t.db.diseaseSymptom.count({ where: { disease: { code: 'zukam' } } })).toBe(4);
      expect(await t.db.citation.count({ where: { entityCode: 'zukam' } })).toBe(2);
    } finally {
      for (const db of others) await db.$disconnect();
      await t.close();
    }
  });
});
