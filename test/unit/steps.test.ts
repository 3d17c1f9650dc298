import * as assert from 'node:assert/strict';
import { copying, finish, pause, Slices, touching } from '../../src/core/steps.js';
import { StringMap } from '../../src/core/stringMap.js';
import { ChunkedList } from '../../src/core/chunkedList.js';

/** Holds the thread for `ms`, as putting a large source in the corpus does. */
function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

/**
 * Counts the event loop's turns while work runs (`now()`), until `stop()`: an immediate fires once a turn, so
 * work that notes the count per piece shows which pieces ran in one turn.
 */
function turns(): { now(): number; stop(): void } {
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => void (ticking = false) };
}

/** How many of the pieces ran in each turn. */
function perTurn(runs: number[]): number[] {
  const counts = new Map<number, number>();
  for (const t of runs) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.values()];
}

describe('steps', () => {
  it('a burst of work set off together is spread over turns of the event loop, about a slice each', async () => {
    const slices = new Slices(10);
    const runs: number[] = [];
    const turn = turns();
    // Eight pieces of 6 ms each, all ready at once (as analyses landing together).
    await Promise.all(
      Array.from({ length: 8 }, () =>
        slices.run(() => {
          runs.push(turn.now());
          busy(6);
        }),
      ),
    );
    turn.stop();
    // At most two pieces (12 ms) in one turn, so the eight took at least four turns.
    const counts = perTurn(runs);
    assert.ok(Math.max(...counts) <= 2, `pieces per turn: ${counts.join(', ')}`);
    assert.ok(counts.length >= 4, `turns: ${counts.length}`);
  });

  it('stepped tasks, at once or one after another, share one slice a turn', async () => {
    const slices = new Slices(10);
    const turn = turns();
    const steps: number[] = [];
    // A task of twelve steps of 3 ms, as a claims build, the saving of its claims, finding stories.
    function* task(): Generator<void, void> {
      for (let k = 0; k < 12; k++) {
        steps.push(turn.now());
        busy(3);
        yield;
      }
    }
    const chained = async () => {
      await slices.through(task());
      await slices.through(task());
    };
    await Promise.all([chained(), slices.through(task())]);
    turn.stop();
    assert.equal(steps.length, 36);
    // A slice of 10 ms holds four steps of 3 ms (the last one starts before 10 ms): five or more in a turn
    // is two clocks at work.
    const counts = perTurn(steps);
    assert.ok(Math.max(...counts) <= 4, `steps per turn: ${counts.join(', ')}`);
  });

  it('light work goes on without a pause while the slice lasts', async () => {
    let pauses = 0;
    const slices = new Slices(10_000, () => {
      pauses++;
      return pause();
    });
    const done: number[] = [];
    for (let k = 0; k < 5; k++) await slices.run(() => done.push(k));
    assert.deepEqual(done, [0, 1, 2, 3, 4]);
    assert.equal(pauses, 0);
  });

  it('a fresh array is written through, and a copy made, in steps', () => {
    const big = new Int32Array((1 << 18) * 2 + 5).fill(7);
    let steps = 0;
    for (const _ of touching(big)) steps++;
    assert.equal(steps, 3);
    assert.ok(big.every((x) => x === 0));
    const from = Int32Array.from({ length: 300_000 }, (_, k) => k);
    const copy = finish(copying(from, new Int32Array(310_000), 300_000));
    assert.deepEqual(Array.from(copy.subarray(0, 300_000)), Array.from(from));
    assert.ok(copy.subarray(300_000).every((x) => x === 0));
  });
});

describe('StringMap', () => {
  it('reads back what was set, counts keys once, and forgets all when cleared', () => {
    const map = new StringMap<number>();
    const words = Array.from({ length: 5_000 }, (_, k) => `w${k.toString(36)}`);
    words.forEach((w, k) => map.set(w, k));
    map.set(words[0], -1);
    map.set('', 42);
    assert.equal(map.size, 5_001);
    assert.equal(map.get(words[0]), -1);
    assert.equal(map.get(words[4_999]), 4_999);
    assert.equal(map.get(''), 42);
    assert.equal(map.get('absent'), undefined);
    map.clear();
    assert.equal(map.size, 0);
    assert.equal(map.get(words[1]), undefined);
  });
});

describe('ChunkedList', () => {
  it('reads back what was set across chunks, and the empty value where nothing was', () => {
    const list = new ChunkedList<number>(-1);
    const ids = [0, 1, 4_095, 4_096, 4_097, 100_000, 384_061];
    ids.forEach((id, k) => list.set(id, k * 10));
    ids.forEach((id, k) => assert.equal(list.get(id), k * 10, `slot ${id}`));
    for (const unset of [2, 4_094, 8_192, 99_999, 1_000_000]) assert.equal(list.get(unset), -1, `slot ${unset}`);
    list.set(4_096, -1);
    assert.equal(list.get(4_096), -1);
  });
});
