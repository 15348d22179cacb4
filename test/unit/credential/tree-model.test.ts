import assert from 'node:assert/strict';
import { credentialTree } from '../../../src/core/credential/tree-model';
import { progressOf, session } from './support';

describe('the Credential Progress view model', () => {
  const files: Record<string, string> = {
    'late.coach.md': session('client: Ana\ndate: 2026-01-10'),
  };
  for (let i = 0; i < 8; i++) files[`c${i}.coach.md`] = session(`client: C${i}\ndate: 2026-0${1 + (i % 3)}-1${i}\nduration: 750`);
  const { progress, leftOut } = progressOf(files, { asOf: '2026-03-31', trainingStart: '2025-09-01' });
  const tree = credentialTree(progress, leftOut.map((s) => s.path));
  const node = (id: string) => tree.find((n) => n.id === id);

  it('shows each credential with its requirements, met ones by icon and by text', () => {
    assert.deepEqual(
      tree.map((n) => n.id),
      ['counting', 'totals', 'credential/acc', 'credential/pcc', 'credential/mcc', 'estimate', 'left-out'],
    );
    const acc = node('credential/acc');
    assert.deepEqual([acc?.label, acc?.description, acc?.icon], ['ACC', 'met', 'pass']);
    assert.deepEqual(
      acc?.children.map((k) => [k.label, k.description, k.icon]),
      [
        ['Coaching hours', '100 of 100 · ✓ met', 'pass'],
        ['Paid hours', '100 of 75 · ✓ met', 'pass'],
        ['Clients', '8 of 8 · ✓ met', 'pass'],
        ['Hours in the last 18 months', '100 of 25 · ✓ met', 'pass'],
      ],
    );
    assert.deepEqual([node('credential/pcc')?.description, node('credential/pcc')?.icon], ['not yet', 'circle-large-outline']);
  });

  it('shows the totals, where counting starts, and the estimate for the next credential', () => {
    assert.equal(node('counting')?.label, 'Counting from 1 September 2025');
    assert.equal(node('totals')?.label, '100 hours, 8 clients');
    assert.match(node('estimate')?.label ?? '', /PCC’s experience requirement would be met around/);
  });

  it('lists the notes that could count, each opening its file', () => {
    assert.deepEqual(
      node('left-out')?.children.map((n) => [n.label, n.path]),
      [['late.coach.md', '/ws/late.coach.md']],
    );
  });
});
