import { transitionErrors } from '../../libs/core/src/convocatoria/pipeline-rules.js';

describe('convocatoria transition rules', () => {
  const fields = (...args: Parameters<typeof transitionErrors>) => transitionErrors(...args).map((e) => e.field);
  it('allows the pipeline order and declining from any open stage', () => {
    expect(fields('candidate', null, { to: 'interested', on: '2025-01-01', fileId: 'f' })).toEqual([]);
    expect(fields('interested', '2025-01-01', { to: 'convened', on: '2025-01-01' })).toEqual([]);
    expect(fields('convened', '2025-01-01', { to: 'joined', on: '2025-01-02', joinedOn: '2025-01-03' })).toEqual([]);
    for (const from of ['candidate', 'interested', 'convened'] as const) expect(fields(from, null, { to: 'declined', on: '2025-01-01', reason: 'r' })).toEqual([]);
  });
  it('refuses skipped, backward and final-stage steps, and missing fields', () => {
    expect(fields('candidate', null, { to: 'convened', on: '2025-01-01' })).toEqual(['to']);
    expect(fields('joined', null, { to: 'declined', on: '2025-01-01', reason: 'r' })).toEqual(['to']);
    expect(fields('declined', null, { to: 'candidate', on: '2025-01-01' })).toEqual(['to']);
    expect(fields('candidate', '2025-02-01', { to: 'interested', on: '2025-01-01' })).toEqual(['on', 'fileId']);
    expect(fields('interested', null, { to: 'declined', on: '2025-01-01', reason: '  ' })).toEqual(['reason']);
    expect(fields('convened', null, { to: 'joined', on: '2025-01-01' })).toEqual(['joinedOn']);
    expect(fields('interested', null, { to: 'convened', on: '2025-01-01', fileId: 'f', joinedOn: '2025-01-01' })).toEqual(['fileId', 'joinedOn']);
  });
});
