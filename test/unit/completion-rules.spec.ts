import { checkReport, missingCompletionEvidence, type ReportContext } from '../../libs/core/src/reports/report-rules.js';

const FORMATS = [
  { code: 'F-01', name: 'Oficio de designación' },
  { code: 'F-02', name: 'Directorio de enlaces' },
];
const rule = { evidenceKinds: ['document'] as const, completionNeedsEvidence: true, formats: FORMATS };
const doc = (formatCode?: string) => ({ kind: 'document' as const, fileId: 'f1', ...(formatCode ? { formatCode } : {}) });

describe('verifiable completion with formats (missingCompletionEvidence)', () => {
  it('a completion lacks each format no document names, whatever other evidence it carries', () => {
    expect(missingCompletionEvidence({ status: 'completed', evidence: [doc()] }, rule)).toEqual({ kinds: [], formats: FORMATS });
    expect(missingCompletionEvidence({ status: 'completed', evidence: [doc('F-02')] }, rule)).toEqual({ kinds: [], formats: [FORMATS[0]] });
    expect(missingCompletionEvidence({ status: 'completed', evidence: [doc('F-01'), doc('F-02')] }, rule)).toEqual({ kinds: [], formats: [] });
    // A link naming a format does not fill it (checkReport refuses it on its field).
    expect(missingCompletionEvidence({ status: 'completed', evidence: [doc('F-01'), { kind: 'url', url: 'https://x.mx', formatCode: 'F-02' }] }, rule).formats).toEqual([FORMATS[1]]);
  });

  it('asks nothing of a report that is not a completion, or when the document turns the rule off', () => {
    expect(missingCompletionEvidence({ status: 'in_progress', evidence: [] }, rule)).toEqual({ kinds: [], formats: [] });
    expect(missingCompletionEvidence({ status: 'completed', evidence: [] }, { ...rule, completionNeedsEvidence: false })).toEqual({ kinds: [], formats: [] });
  });
});

describe('checkReport on formatCode', () => {
  const ctx: ReportContext = {
    today: '2025-03-10',
    participationJoinedOn: '2025-03-01',
    activity: { code: 'A', level: 'state', metrics: [], ...rule },
    institution: null,
    filesOfState: new Set(['f1']),
    stateCode: '20',
  };
  const report = (evidence: object[], status: 'completed' | 'in_progress' = 'in_progress') => ({ status, percent: status === 'completed' ? 100 : 50, reportedOn: '2025-03-05', evidence }) as Parameters<typeof checkReport>[0];

  it('names an unknown format or one on a link on its evidence field', () => {
    expect(checkReport(report([doc('F-09')]), ctx)).toEqual([{ field: 'evidence.0.formatCode', message: 'activity A has no format F-09 (its formats: F-01, F-02)' }]);
    expect(checkReport(report([{ kind: 'url', url: 'https://x.mx', formatCode: 'F-01' }]), ctx)).toEqual([{ field: 'evidence.0.formatCode', message: 'only document evidence can be the filled copy of a format' }]);
    expect(checkReport(report([doc('F-01')]), { ...ctx, activity: { ...ctx.activity, formats: [] } })).toEqual([{ field: 'evidence.0.formatCode', message: 'activity A has no format F-01 (its formats: none)' }]);
  });

  it('refuses a completion without the formats on `evidence`, listing the missing ones by code and name', () => {
    expect(checkReport(report([doc('F-01')], 'completed'), ctx)).toEqual([{ field: 'evidence', message: 'activity A is completed only with its formats filled in: add a document of format F-02 (Directorio de enlaces)' }]);
    expect(checkReport(report([doc('F-01'), doc('F-02')], 'completed'), ctx)).toEqual([]);
  });
});
