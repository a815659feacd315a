import { readFileSync } from 'node:fs';
import { diffProgramDocuments } from '../../libs/core/src/consultations/version-diff.js';
import { canonicalProgramDocument, type ProgramDocument } from '../../libs/core/src/programs/program-document.js';

const shipped: ProgramDocument = canonicalProgramDocument(JSON.parse(readFileSync(new URL('../../libs/database/src/reference/condatos-2024.program.json', import.meta.url), 'utf8')));

describe('diffProgramDocuments', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffProgramDocuments(shipped, structuredClone(shipped))).toEqual({ phases: { added: [], removed: [], changed: [] }, activities: { added: [], removed: [], changed: [] } });
  });

  it('is symmetric: what one way adds the other removes, and each change swaps from and to', () => {
    const [first, ...rest] = shipped.activities;
    const other: ProgramDocument = {
      ...shipped,
      phases: [...shipped.phases, { number: 9, name: 'Evaluación externa', description: null }],
      activities: [{ ...first, weight: first.weight + 1, evidenceKinds: ['url'] }, ...rest.slice(1), { ...rest[0], code: '9.1', phase: 9 }],
    };
    const forward = diffProgramDocuments(shipped, other);
    const backward = diffProgramDocuments(other, shipped);
    expect(forward.activities.added).toEqual(backward.activities.removed);
    expect(forward.activities.removed).toEqual([{ code: rest[0].code, name: rest[0].name, phase: rest[0].phase }]);
    expect(forward.phases.added).toEqual([{ number: 9, name: 'Evaluación externa' }]);
    expect(forward.activities.changed).toEqual([{ key: first.code, name: first.name, changes: [{ field: 'weight', from: first.weight, to: first.weight + 1 }, { field: 'evidenceKinds', from: first.evidenceKinds, to: ['url'] }] }]);
    expect(backward.activities.changed[0].changes).toEqual(forward.activities.changed[0].changes.map((c) => ({ field: c.field, from: c.to, to: c.from })));
  });
});
