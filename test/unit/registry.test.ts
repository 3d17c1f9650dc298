// The cross-document registry keeps built records between changes and drops only those a change touches:
// after any sequence of documents added and removed, every record must be what a fresh registry builds.
import { strict as assert } from 'node:assert';
import { EntityRegistry } from '../../src/core/entities/registry.js';
import type { EntityAnnotation, EntityLabel } from '../../src/core/types.js';

const NAMES: [string, EntityLabel][] = [
  ['Vedant Patel', 'PERSON'], ['Patel', 'PERSON'], ['Priti Patel', 'PERSON'], ['Kim Jong Un', 'PERSON'], ['Kim Jong-un', 'PERSON'],
  ['Kim', 'PERSON'], ['Zelenskyy', 'PERSON'], ['Volodymyr Zelensky', 'PERSON'], ['State Department', 'ORG'],
  ['U.S. State Department', 'ORG'], ['North Korea', 'PLACE'], ['DPRK', 'PLACE'], ['Kursk', 'PLACE'], ['Jordan', 'PLACE'], ['Jordan', 'PERSON'],
];

function entitiesOf(seed: number): EntityAnnotation[] {
  const out: EntityAnnotation[] = [];
  let x = seed;
  for (let k = 0; k < 6; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const [name, label] = NAMES[x % NAMES.length];
    out.push({ kind: 'entity', label, start: k * 20, end: k * 20 + name.length, text: name, name });
  }
  return out;
}

const view = (r: EntityRegistry) => NAMES.map(([name, label]) => {
  const rec = r.resolve({ name, label });
  return { key: rec.key, name: rec.name, aliases: rec.aliases, docs: [...rec.docs] };
});

describe('the entity registry', () => {
  it('after documents come and go, every record is what a fresh registry builds', () => {
    const live = new EntityRegistry();
    const present = new Map<string, EntityAnnotation[]>();
    let x = 7;
    for (let step = 0; step < 400; step++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const doc = `d${x % 12}`;
      if (present.has(doc) && x % 3 === 0) {
        live.remove(doc);
        present.delete(doc);
      } else {
        const entities = entitiesOf(x);
        live.add(doc, { entities });
        present.set(doc, entities);
      }
      view(live); // read between changes, so that built records are kept and must be dropped right
      if (step % 20 === 0) {
        const fresh = new EntityRegistry();
        for (const [d, e] of [...present].sort()) fresh.add(d, { entities: e });
        assert.deepEqual(view(live), view(fresh), `step ${step}`);
      }
    }
  });

  it("an entity's key without its record is the record's key, as documents come and go", () => {
    const registry = new EntityRegistry();
    let x = 11;
    for (let step = 0; step < 200; step++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      if (x % 4 === 0) registry.remove(`d${x % 9}`);
      else registry.add(`d${x % 9}`, { entities: entitiesOf(x) });
      // Asked before the records are built, and after.
      const keys = () => NAMES.map(([name, label]) => registry.resolvedKey({ name, label }));
      const before = keys();
      const records = NAMES.map(([name, label]) => registry.resolve({ name, label }).key);
      assert.deepEqual(before, records, `step ${step}`);
      assert.deepEqual(keys(), records, `step ${step}`);
    }
  });
});
