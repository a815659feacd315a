import { cruise } from 'dependency-cruiser';
import { createRequire } from 'node:module';

/** The dependency direction of docs/developing.md, enforced: a cycle or a backwards import fails the suite. */
describe('dependency rules', () => {
  it('hold for apps/ and libs/ (.dependency-cruiser.cjs)', async () => {
    const ruleSet = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');
    const result = await cruise(['apps/api/src', 'libs'], { ...ruleSet.options, validate: true, ruleSet: { forbidden: ruleSet.forbidden } });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    const violations = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
  }, 60_000);
});
