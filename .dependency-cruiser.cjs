/** Dependency rules, checked in `npm test` (test/unit/dependency-rules.spec.ts): the direction is a rule, not goodwill. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Features depend one way; a cycle means a missing seam.', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    { name: 'platform-is-the-bottom', severity: 'error', comment: 'libs/platform knows no feature, database or app code.', from: { path: '^libs/platform/' }, to: { path: '^(libs/(core|database|testing)|apps)/' } },
    { name: 'libs-do-not-import-apps', severity: 'error', from: { path: '^libs/(core|database|platform)/' }, to: { path: '^apps/' } },
    { name: 'only-tests-use-testing', severity: 'error', from: { path: '^(libs/(core|database|platform)|apps)/' }, to: { path: '^libs/testing/' } },
    { name: 'audit-is-a-leaf', severity: 'error', comment: 'Audit is written by everyone and depends on no feature.', from: { path: '^libs/core/src/audit/' }, to: { path: '^libs/core/src/(?!audit/)' } },
    { name: 'programs-below-plans', severity: 'error', from: { path: '^libs/core/src/(programs|states|users)/' }, to: { path: '^libs/core/src/(plans|institutions|reports|progress|indicators|reviews|reporting-rounds|risks|public|exports|demo)/' } },
    { name: 'plans-below-reports', severity: 'error', from: { path: '^libs/core/src/(plans|institutions)/' }, to: { path: '^libs/core/src/(reports|progress|indicators|reviews|reporting-rounds|risks|public|exports|demo)/' } },
    { name: 'reports-below-progress', severity: 'error', from: { path: '^libs/core/src/(reports|files)/' }, to: { path: '^libs/core/src/(progress|indicators|reviews|risks|public|exports|demo)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: 'specify',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
