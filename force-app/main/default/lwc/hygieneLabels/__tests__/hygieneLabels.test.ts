import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingFix, findingReason, FIX_LABELS, REASON_LABELS } from 'c/hygieneLabels';
import { OPPORTUNITY_RULES, REASON_TEMPLATES, type HygieneReasonKey } from 'c/psmsEngine';

// One label with its real text, to see the values filled in.
jest.mock(
  '@salesforce/label/c.PSMS_Hygiene_Reason_RegistrationExpiresBeforeClose',
  () => ({ default: 'Registration {0} expires {1}, before the close date {2}.' }),
  { virtual: true }
);

const LABELS_FILE = join(__dirname, '..', '..', '..', 'labels', 'CustomLabels.labels-meta.xml');
const labelText = (() => {
  const xml = readFileSync(LABELS_FILE, 'utf8');
  const values = new Map<string, string>();
  for (const match of xml.matchAll(/<fullName>(\w+)<\/fullName>[\s\S]*?<value>([\s\S]*?)<\/value>/g)) {
    values.set(
      match[1],
      match[2]
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    );
  }
  return values;
})();
const camel = (key: string) =>
  key
    .split('_')
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join('');

describe("hygiene reasons and fixes in the user's language (SPEC §5: a one-line reason and the fix)", () => {
  it("every reason's custom label says in English exactly what the engine's template says", () => {
    for (const [key, template] of Object.entries(REASON_TEMPLATES)) {
      expect([key, labelText.get(`PSMS_Hygiene_Reason_${camel(key)}`)]).toEqual([key, template]);
      expect(REASON_LABELS[key as HygieneReasonKey]).toBeDefined();
    }
  });

  it("every rule's fix label says what the engine's fix says", () => {
    for (const rule of OPPORTUNITY_RULES) {
      expect([rule.id, labelText.get(`PSMS_Hygiene_Fix_${camel(rule.id)}`)]).toEqual([rule.id, rule.fix]);
      expect(FIX_LABELS[rule.id]).toBeDefined();
    }
    expect(labelText.get('PSMS_Hygiene_Fix_PlanOutdated')).toMatch(/account plan/);
  });

  it('fills the reason with the values that triggered it: a registration by name, never by id', () => {
    expect(
      findingReason({
        reasonKey: 'REGISTRATION_EXPIRES_BEFORE_CLOSE',
        reasonParams: ['REG-00042', '2026-05-01', '2026-05-15'],
        reason: 'unused'
      })
    ).toBe('Registration REG-00042 expires 2026-05-01, before the close date 2026-05-15.');
    expect(findingFix({ rule: 'STALE', fix: 'unused' })).toBe('c.PSMS_Hygiene_Fix_Stale');
  });
});
