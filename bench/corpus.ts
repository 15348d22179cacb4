// A deterministic, seeded generator of synthetic coaching notes for the benchmark suite.
//
// Every name, company and session here is invented. The same seed always gives the same bytes, so
// figures can be compared across commits and machines. Sets are written under bench/corpus/
// (git-ignored) as one folder per client, with a manifest; a set is regenerated only when it is
// missing or when the generator changed (GENERATOR_VERSION, or this file's source hash).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Bump when the generated notes change on purpose; the source hash catches the rest. */
export const GENERATOR_VERSION = 1;

export const CORPUS_ROOT = join(__dirname, 'corpus');

// ── Random numbers ──────────────────────────────────────────────────────────────────────────────

/** mulberry32: a tiny 32-bit PRNG, plenty for test data, identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A new seed derived from this stream, for an independent sub-stream. */
  seed(): number {
    return Math.floor(this.next() * 4294967296);
  }
}

// ── Vocabulary (all invented) ───────────────────────────────────────────────────────────────────

type Pronoun = 'she' | 'he' | 'they';

const FIRST_NAMES: readonly (readonly [string, Pronoun])[] = [
  ['Dana', 'she'], ['Tomás', 'he'], ['Priya', 'she'], ['Jonas', 'he'], ['Ade', 'he'], ['Mei', 'she'],
  ['Rafael', 'he'], ['Sam', 'they'], ['Inés', 'she'], ['Marisol', 'she'], ['Lena', 'she'], ['Kwame', 'he'],
  ['Aiko', 'she'], ['Björn', 'he'], ['Chiara', 'she'], ['Dmitri', 'he'], ['Elif', 'she'], ['Farid', 'he'],
  ['Greta', 'she'], ['Hamid', 'he'], ['Ilse', 'she'], ['Joon', 'he'], ['Kai', 'they'], ['Leila', 'she'],
  ['Mateo', 'he'], ['Nadia', 'she'], ['Olu', 'he'], ['Paula', 'she'], ['Quinn', 'they'], ['Rosa', 'she'],
  ['Sanjay', 'he'], ['Tove', 'she'], ['Uma', 'she'], ['Viktor', 'he'], ['Wen', 'she'], ['Xavier', 'he'],
  ['Yara', 'she'], ['Zoltan', 'he'], ['Robin', 'they'], ['Noor', 'she'], ['Emeka', 'he'], ['Saoirse', 'she'],
];

const LAST_NAMES: readonly string[] = [
  'Okafor', 'Reyes', 'Brandt', 'Lindqvist', 'Mensah', 'Tanaka', 'Novak', 'Haddad', 'Kowalski', 'Ferreira',
  'Olsen', 'Nakamura', 'Achterberg', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gallagher', 'Horvath', 'Iyer',
  'Jansen', 'Kaur', 'Lombardi', 'Moreau', 'Nwosu', 'Ortega', 'Petrov', 'Quigley', 'Rahman', 'Sato',
  'Thorsen', 'Urquhart', 'Varga', 'Whitfield', 'Yilmaz', 'Zielinski', 'Abara', 'Bianchi', 'Costa', 'Delacroix',
];

const COMPANIES: readonly string[] = [
  'Northwind', 'Harbor Analytics', 'Bluefield', 'Kestrel Labs', 'Riverside Health', 'Tallow & Finch',
  'Orbital Freight', 'Greenway Schools', 'Lumen Bank', 'Cobalt Studio', 'Meridian Care', 'Saltmarsh Energy',
];

const TEAMS: readonly string[] = ['Team Leads', 'Engineering Managers', 'Store Managers', 'Ward Sisters', 'Product Leads', 'Site Supervisors'];

const COLLEAGUES: readonly string[] = [
  'Lena', 'Sam', 'Priti', 'Marco', 'Ines', 'Joost', 'Hana', 'Farah', 'Tobias', 'Ngozi', 'Pieter', 'Alma', 'Ravi', 'Sofia',
];

const TOPICS: readonly string[] = [
  'the reorganisation', 'the Q3 budget', 'hiring a second team lead', 'the board presentation', 'the move to the new office',
  'the product launch', 'the quarterly planning', 'the vendor dispute', 'the on-call rota', 'the offsite',
  'the new reporting line', 'the merger announcement', 'the customer escalation', 'the annual reviews',
  'the pricing change', 'the hiring freeze', 'the migration project', 'the partnership with the university',
  'the safety audit', 'the spring food drive', 'the weekly leadership meeting', 'the handover plan',
];

const ACTIONS: readonly string[] = [
  'Draft the budget narrative for the planning review', 'Ask {c} to run the Monday stand-up', 'List the decisions only {s} can make',
  'Book a one-to-one with {c}', 'Write down three things to stop doing', 'Block two hours a week for deep work',
  'Share the draft reorg plan with {c}', 'Try one meeting without taking the minutes', 'Send {c} the agenda two days ahead',
  'Ask for feedback on the launch plan', 'Turn off notifications after 7 pm', 'Prepare the story for the board',
  'Decide what to hand over to {c}', 'Read the article on delegation', 'Map who needs to hear about the change first',
  'Say no to one new request this week', 'Ask {c} what support they need', 'Write the first paragraph of the vision note',
  'Set up the skip-level lunches', 'Agree the escalation rules with {c}', 'Take a full day off before the launch',
];

const QUOTES: readonly string[] = [
  'I keep saying yes before I have thought about it.', 'The spreadsheet owns itself.',
  'I want to lead through my team, not around them.', 'Every time I delegate, it comes back to me by Friday.',
  'I am tired of being the person who fixes everything.', 'Maybe good enough really is good enough.',
  'I do not need a framework, I need a mirror.', 'The quiet ones are the ones I worry about.',
  'I am not sure I want the promotion any more.', 'If I have a plan, I can be sad on the plane instead of in the office.',
  'Nobody told me the job was mostly waiting.', 'I would rather be useful than liked, but I would like both.',
];

const WEEKS: readonly string[] = ['two', 'three', 'four', 'six'];

// Sentences per marker section. Slots: {n} name, {s}/{S} subject pronoun, {o} object, {p}/{P}
// possessive, {was} {is} {has} {does} agreeing with the pronoun, {c} a colleague, {t} a topic,
// {q} a client quote in curly quotes, {w} a number of weeks.
const MARKER_SENTENCES: Record<string, readonly string[]> = {
  '3.1': [
    'Opened by asking how the last {w} weeks had landed for {o}, not for {p} team.',
    '{n} arrived straight from {t} and asked for a few minutes before we started; I checked what {s} needed from today.',
    'Slowed the pace when {s} got to {t}. Asked what support {s} {has} around {o} at the moment.',
    'Noticed {s} {was} speaking faster than usual and named it; {s} laughed and said it had been a long week.',
    'Asked what {s} wanted to take away from the hour, given everything going on with {t}.',
    'Checked in on sleep and weekends before work: {s} named the Saturday messages as the thing to watch.',
  ],
  '3.2': [
    'Was explicit about confidentiality: {c} sponsors the engagement and hears the themes, never the content.',
    'I had promised to send an article about {t} and had not. Said so at the start and sent it while we talked.',
    '{n} asked what I would do in {p} place. Said honestly that I did not know {p} context well enough to answer for {o}.',
    'Named a possible conflict: I also coach someone in {c}\'s team. {S} was happy to continue.',
    'Told {o} plainly that I do not report to {c}, and that {s} decides what is shared in the three-way meeting.',
  ],
  '3.3': [
    'Revisited last session\'s agreements one by one before anything else.',
    'Agreed the focus for today: {t}, and what {s} would like to have by the end of the hour.',
    'Checked how many sessions are left before the review with {c}; we agreed to keep the same rhythm.',
    '{S} wanted to change the goal halfway through, so we stopped and agreed the new one explicitly.',
    'Confirmed the next date and that {s} can move it with a day\'s notice.',
  ],
  '3.4': [
    '{n} pushed back on my question about {t}: {q} Took {p} framing as the starting point instead of arguing with it.',
    '{S} thinks best on paper, so I held a few minutes of quiet while {s} sketched the week.',
    'Followed {p} order of things rather than mine, starting with {t}.',
    '{S} described {t} in {p} own words: {q} I used those words back rather than mine.',
    'When I offered a model, {s} said it did not fit; we dropped it and worked from {p} example.',
  ],
  '3.5': [
    '{S} will ask {c} to take over {t}, the first time anyone else has done it. Named the risk {s} {is} taking [#3.5].',
    'Celebrated that {s} said no to {t} last week without apologising.',
    'Asked what it would cost {o} to let someone else handle {t} imperfectly. {S} laughed: {q}',
    'Named that trusting {c} with {t} is a new behaviour, not a failure to cope.',
    '{S} tried the new one-to-one format with {c} and wants to keep it; I asked what made it work.',
  ],
};

const INTRO_SENTENCES: readonly string[] = [
  '{n} came in with {t} on {p} mind.',
  'A shorter session than usual: {n} had to leave early for {t}.',
  'We picked up where we left off: {t}, and how {s} {is} holding the team through it.',
  '{n} opened with news about {t}, and the rest of the hour followed from it.',
  'Mostly about {t} today, with a detour into how {s} plans {p} week.',
];

const LOG_SENTENCES: readonly string[] = [
  'Worked through {t} step by step; {s} kept coming back to what {c} would say.',
  '{S} summarised the week: three wins, one thing {s} would do differently, and {t} still open.',
  'Asked what had changed since the last entry. {S} said {q}',
  'Long silence after my question about {t}; I waited, and {s} answered {p} own question.',
  'Reflected back what I heard about {t}; {s} corrected one word, which changed the meaning.',
  'Mapped the people involved in {t} on the whiteboard: {c} at the centre, {n} at the edge.',
  '{S} rehearsed the opening of the conversation with {c}; we tried it twice.',
  'Ended with what {s} will notice this week, rather than what {s} will do.',
];

// Phrases from lexicons/judgmental.yaml that fire in a note: a few notes carry one.
const JUDGMENTAL: readonly string[] = [
  '{S} {was} lazy about {t} again.',
  '{S} {claims} the team never reads the updates.',
  '{S} should have raised {t} with {c} much earlier.',
  '{S} {was} being defensive when {c} came up.',
  'Honestly, {s} {is} making excuses about {t}.',
];

// Sensitive areas (lexicons/sensitive-topics.yaml) with the permission line that may follow.
const SENSITIVE: readonly string[] = [
  '{n} mentioned {p} doctor\'s appointment on Thursday and the tests that follow.',
  '{S} talked about {p} father\'s chemotherapy and the trips home it will take.',
  '{S} has started seeing a therapist and wanted me to know.',
  'The divorce is final next month, and {s} expects the weeks around it to be hard.',
  '{S} is grieving {p} grandmother, who died in the spring.',
  'Money is tight since the move; {s} mentioned being in debt for the first time.',
  '{S} is pregnant and wants to plan how to tell the team.',
];

const PERMISSION_LINES: readonly string[] = [
  '**Permission:** Asked whether {s} wanted to bring this into our coaching at all. {S} said yes, “as long as we stay practical”, and can close the topic at any point.',
  '**Permission:** Asked whether {s} wanted to talk about it today or keep to work. {S} chose to spend ten minutes on it first.',
  '**Permission:** Checked before going further that this was a conversation {s} wanted to have here. {S} did.',
];

const MARKER_TITLES: Record<string, { title: string; alias: string }> = {
  '3.1': { title: 'Genuine concern', alias: 'Client welfare' },
  '3.2': { title: 'Integrity and honesty', alias: 'Integrity' },
  '3.3': { title: 'Clear agreements', alias: 'Keeping promises' },
  '3.4': { title: 'Respect for the client', alias: 'Respect' },
  '3.5': { title: 'Championing new behaviours', alias: 'Championing' },
  '3.6': { title: 'Permission in sensitive areas', alias: 'Asking permission' },
};

// ── Clients and notes ───────────────────────────────────────────────────────────────────────────

type HeadingStyle = 'numbered' | 'title' | 'nested' | 'alias';

export interface Client {
  name: string;
  slug: string;
  /** First name, or “the group”. */
  call: string;
  pronoun: Pronoun;
  group?: number;
  paid: boolean;
  style: HeadingStyle;
}

interface OpenAgreement {
  text: string;
}

export interface NoteContext {
  client: Client;
  date: string;
  session: number;
  /** Unchecked agreements of the previous note, to carry forward (mutated: becomes this note's). */
  open: OpenAgreement[];
  /** Approximate size to grow the note to, in bytes. */
  targetBytes: number;
}

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function makeClients(rng: Random, count: number): Client[] {
  const clients: Client[] = [];
  const used = new Set<string>();
  while (clients.length < count) {
    const group = rng.chance(0.08);
    const name = group ? `${rng.pick(COMPANIES)} ${rng.pick(TEAMS)}` : `${rng.pick(FIRST_NAMES)[0]} ${rng.pick(LAST_NAMES)}`;
    const uniqueName = used.has(name) ? `${name} ${clients.length + 1}` : name;
    used.add(uniqueName);
    const first = FIRST_NAMES.find(([f]) => uniqueName.startsWith(`${f} `));
    const r = rng.float();
    const client: Client = {
      name: uniqueName,
      slug: slugify(uniqueName),
      call: group ? 'the group' : uniqueName.split(' ')[0] ?? uniqueName,
      pronoun: group ? 'they' : (first?.[1] ?? 'they'),
      paid: !rng.chance(0.1),
      style: r < 0.7 ? 'numbered' : r < 0.85 ? 'title' : r < 0.95 ? 'nested' : 'alias',
    };
    if (group) client.group = rng.int(3, 8);
    clients.push(client);
  }
  return clients;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Fills a template's slots for one client. */
function fill(rng: Random, client: Client, template: string): string {
  const she = client.pronoun;
  const obj = she === 'she' ? 'her' : she === 'he' ? 'him' : 'them';
  const poss = she === 'she' ? 'her' : she === 'he' ? 'his' : 'their';
  const plural = she === 'they';
  return template.replace(/\{(\w+)\}/g, (_m, slot: string) => {
    switch (slot) {
      case 'n': return capital(client.call);
      case 's': return she;
      case 'S': return capital(she);
      case 'o': return obj;
      case 'p': return poss;
      case 'P': return capital(poss);
      case 'was': return plural ? 'were' : 'was';
      case 'is': return plural ? 'are' : 'is';
      case 'has': return plural ? 'have' : 'has';
      case 'claims': return plural ? 'claim' : 'claims';
      case 'c': return rng.pick(COLLEAGUES);
      case 't': return rng.pick(TOPICS);
      case 'q': return `“${rng.pick(QUOTES)}”`;
      case 'w': return rng.pick(WEEKS);
      default: return slot;
    }
  });
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Section {
  heading: string;
  /** Paragraphs and other blocks; empty for an empty section. */
  blocks: string[];
  /** Filler may grow it. */
  growable: boolean;
}

/**
 * One note. `targetBytes` is the size parameter: the note is grown with more prose (and, past
 * ~12 KB, a dated session log) until it reaches roughly that many bytes.
 */
export function generateNote(rng: Random, ctx: NoteContext): string {
  const { client, date, session } = ctx;
  const f = (t: string) => fill(rng, client, t);
  const out: string[] = [];

  // Frontmatter; about 1% of notes have an impossible date, as coaches' notes sometimes do.
  const badDate = rng.chance(0.01);
  out.push('---', `client: ${client.name}`, `date: ${badDate ? `${date.slice(0, 4)}-02-30` : date}`);
  out.push(`session: ${session}`, `duration: ${rng.pick([45, 60, 60, 60, 75, 90])}`);
  if (client.group !== undefined) out.push('type: group', `group_size: ${client.group}`);
  if (!client.paid) out.push('paid: false');
  if (rng.chance(0.03)) out.push('icf_log: false');
  if (session === 1 && rng.chance(0.5)) out.push(`sponsor: ${rng.pick(COLLEAGUES)}, ${rng.pick(COMPANIES)}`);
  out.push('---', '');
  if (rng.chance(0.9)) out.push(`# ${client.name} — session ${session}`, '');
  if (rng.chance(0.6)) out.push(f(rng.pick(INTRO_SENTENCES)) + (rng.chance(0.15) ? ' [#3.1 #3.4]' : ''), '');

  const sections: Section[] = [];
  if (rng.chance(0.2)) sections.push({ heading: '## What we worked on', blocks: [f(`${rng.pick(INTRO_SENTENCES)} ${rng.pick(LOG_SENTENCES)}`)], growable: true });

  const level = client.style === 'nested' ? '###' : '##';
  if (client.style === 'nested') sections.push({ heading: '## Trust and intimacy', blocks: [], growable: false });
  const headingOf = (id: string) => {
    const m = MARKER_TITLES[id] ?? { title: id, alias: id };
    switch (client.style) {
      case 'title': return `${level} ${m.title}`;
      case 'alias': return `${level} ${m.alias}`;
      default: return `${level} ${id} ${m.title}`;
    }
  };
  // 3.1–3.3 are required by the workspace config: now and then one is missing or left empty.
  const presence: Record<string, number> = { '3.1': 0.95, '3.2': 0.93, '3.3': 0.94, '3.4': 0.6, '3.5': 0.5 };
  for (const [id, p] of Object.entries(presence)) {
    if (!rng.chance(p)) continue;
    const empty = rng.chance(0.05);
    const blocks = empty ? [] : [f(rng.pick(MARKER_SENTENCES[id] ?? []))];
    if (!empty && id === '3.4' && rng.chance(0.3)) blocks.push(`> ${rng.pick(QUOTES)}`);
    sections.push({ heading: headingOf(id), blocks, growable: !empty });
  }
  if (rng.chance(0.01)) sections.push({ heading: `${level} 3.9 Reading the room`, blocks: [f(rng.pick(LOG_SENTENCES))], growable: false });

  const somewhere = (): Section => {
    const prose = sections.filter((s) => s.growable);
    if (prose.length > 0) return rng.pick(prose);
    const notes: Section = { heading: '## Notes', blocks: [], growable: true };
    sections.push(notes);
    return notes;
  };

  if (rng.chance(0.12)) {
    const s = somewhere();
    if (rng.chance(0.05)) s.blocks.push('<!-- coach-disable-next-line judgmental-language -->');
    s.blocks.push(f(rng.pick(JUDGMENTAL)));
  }
  if (rng.chance(0.15)) {
    const s = somewhere();
    s.blocks.push(f(rng.pick(SENSITIVE)));
    if (rng.chance(0.6)) {
      const line = f(rng.pick(PERMISSION_LINES));
      if (rng.chance(0.5)) sections.push({ heading: headingOf('3.6'), blocks: [line], growable: false });
      else s.blocks.push(line);
    }
  }
  if (rng.chance(0.05)) somewhere().blocks.push(f(`${rng.pick(LOG_SENTENCES)} [#3.${rng.int(1, 6)}]`));

  // Agreements: open ones from last time are checked, carried, or (sometimes) forgotten.
  const items: string[] = [];
  const stillOpen: OpenAgreement[] = [];
  const hasAgreements = rng.chance(0.92);
  if (hasAgreements) {
    for (const a of ctx.open) {
      const r = rng.float();
      if (r < 0.55) items.push(`- [x] ${a.text}`);
      else if (r < 0.9) {
        items.push(`- [ ] ${a.text}${rng.chance(0.3) ? `, due ${addDays(date, rng.int(7, 28))}` : ''}`);
        stillOpen.push(a);
      }
    }
    for (let i = rng.int(1, 3); i > 0; i--) {
      const text = f(rng.pick(ACTIONS));
      const due = rng.chance(0.5) ? (rng.chance(0.7) ? `, due ${addDays(date, rng.int(7, 28))}` : ` (due ${addDays(date, rng.int(7, 28))})`) : '';
      items.push(`- [ ] ${text}${due}`);
      if (rng.chance(0.1)) items.push(`  - ${f('{c} agreed to help with the first step.')}`);
      stillOpen.push({ text });
    }
  }
  ctx.open.length = 0;
  ctx.open.push(...stillOpen);

  // Grow to the target size: more prose in the sections, then a dated session log for long notes.
  const fixed = () => out.join('\n').length + sections.reduce((n, s) => n + s.heading.length + s.blocks.reduce((m, b) => m + b.length + 2, 2), 0) + items.join('\n').length + 16;
  let size = fixed();
  if (ctx.targetBytes > 12_000) {
    const log: Section = { heading: '## Session log', blocks: [], growable: false };
    sections.push(log);
    let day = date;
    while (size < ctx.targetBytes * 0.9) {
      day = addDays(day, -rng.int(1, 4));
      const entry = [`### ${day}`];
      for (let i = rng.int(2, 5); i > 0; i--) entry.push(f(`${rng.pick(LOG_SENTENCES)} ${rng.pick(LOG_SENTENCES)}`));
      if (rng.chance(0.3)) entry.push(`> ${rng.pick(QUOTES)}`);
      if (rng.chance(0.3)) entry.push(`- ${f('{t}')}\n- ${f('{t}')}\n- ${f('{c} to follow up')}`);
      if (rng.chance(0.1)) entry.push(f(rng.pick(JUDGMENTAL)));
      if (rng.chance(0.1)) entry.push(f(rng.pick(SENSITIVE)));
      if (rng.chance(0.15)) entry.push(f(`${rng.pick(MARKER_SENTENCES['3.5'] ?? [])}`));
      const block = entry.join('\n\n');
      log.blocks.push(block);
      size += block.length + 2;
    }
  }
  const growable = sections.filter((s) => s.growable);
  while (size < ctx.targetBytes && growable.length > 0) {
    const s = rng.pick(growable);
    const id = /(\d\.\d)/.exec(s.heading)?.[1];
    const pool = id && MARKER_SENTENCES[id] ? MARKER_SENTENCES[id] : LOG_SENTENCES;
    const para = f(`${rng.pick(pool)} ${rng.pick(LOG_SENTENCES)}`);
    s.blocks.push(para);
    size += para.length + 2;
  }

  for (const s of sections) {
    out.push(s.heading, '');
    for (const b of s.blocks) out.push(b, '');
  }
  if (hasAgreements) out.push('## Agreements', '', ...items, '');
  return out.join('\n');
}

/** Note sizes of a realistic practice: mostly 1–2 KB, a tail of longer sessions (~1.5 KB mean). */
function sampleSize(rng: Random): number {
  const u = rng.float();
  if (u < 0.1) return rng.int(500, 900);
  if (u < 0.75) return rng.int(850, 1550);
  if (u < 0.93) return rng.int(1550, 2300);
  return rng.int(2500, 3500);
}

// Two years, 2025-01-01 … 2026-12-30: eight quarters.
const FIRST_DAY = '2025-01-01';
const SPAN_DAYS = 729;

export interface GeneratedNote {
  /** Relative to the set's folder, with forward slashes. */
  path: string;
  text: string;
}

/** A whole practice: `notes` notes over `clients` clients and eight quarters. */
export function generateSet(seed: number, notes: number, clientCount: number): GeneratedNote[] {
  const rng = new Random(seed);
  const clients = makeClients(rng, clientCount);
  const weights = clients.map(() => 0.4 + rng.float() * 1.2);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(2, Math.floor((notes * w) / total)));
  for (let i = 0, sum = counts.reduce((a, b) => a + b, 0); sum !== notes; i = (i + 1) % counts.length) {
    const c = counts[i] ?? 0;
    if (sum < notes) {
      counts[i] = c + 1;
      sum++;
    } else if (c > 2) {
      counts[i] = c - 1;
      sum--;
    }
  }
  const out: GeneratedNote[] = [];
  clients.forEach((client, i) => {
    const k = counts[i] ?? 2;
    const crng = new Random(rng.seed());
    const length = Math.min(SPAN_DAYS, Math.max(2 * k, k * crng.int(14, 30)));
    const start = crng.int(0, SPAN_DAYS - length);
    const open: OpenAgreement[] = [];
    for (let s = 0; s < k; s++) {
      const date = addDays(FIRST_DAY, start + Math.floor(((s + crng.float() * 0.8) * length) / k));
      const text = generateNote(crng, { client, date, session: s + 1, open, targetBytes: sampleSize(crng) });
      out.push({ path: `${client.slug}/${client.slug}-${date}.coach.md`, text });
    }
  });
  return out;
}

/** The workspace config of every generated set, as in examples/notes/.coach/config.yaml. */
export const CONFIG_YAML = `# Generated by bench/corpus.ts: synthetic notes for the benchmark suite.
framework: icf-trust
required_markers:
  icf-trust: ["3.1", "3.2", "3.3"]
rules:
  permission-check: error
  empty-marker-section: hint
`;

// ── Sets on disk ────────────────────────────────────────────────────────────────────────────────

export interface Manifest {
  generatorVersion: number;
  sourceHash: string;
  seed: number;
  notes: number;
  clients: number;
  bytes: number;
  /** SHA-256 over every path and text, in order: equal hashes mean byte-identical corpora. */
  contentHash: string;
  files: string[];
}

export interface CorpusSet {
  dir: string;
  manifest: Manifest;
  /** Absolute paths, sorted. */
  files: string[];
  generated: boolean;
}

function sourceHash(): string {
  return createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
}

function contentHash(notes: readonly GeneratedNote[]): string {
  const h = createHash('sha256');
  for (const n of notes) h.update(n.path).update('\0').update(n.text).update('\0');
  return h.digest('hex');
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The set named `name` under bench/corpus/, generated when missing or stale. */
export function ensureSet(name: string, seed: number, notes: number, clients: number, root = CORPUS_ROOT): CorpusSet {
  const dir = join(root, name);
  const hash = sourceHash();
  const old = readManifest(dir);
  const fresh = old && old.generatorVersion === GENERATOR_VERSION && old.sourceHash === hash && old.seed === seed && old.notes === notes && old.clients === clients;
  if (fresh && old.files.every((f, i) => i % 97 !== 0 || existsSync(join(dir, f)))) {
    return { dir, manifest: old, files: old.files.map((f) => join(dir, f)), generated: false };
  }
  rmSync(dir, { recursive: true, force: true });
  const set = generateSet(seed, notes, clients);
  set.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let bytes = 0;
  for (const note of set) {
    const file = join(dir, ...note.path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, note.text);
    bytes += Buffer.byteLength(note.text);
  }
  mkdirSync(join(dir, '.coach'), { recursive: true });
  writeFileSync(join(dir, '.coach', 'config.yaml'), CONFIG_YAML);
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    sourceHash: hash,
    seed,
    notes,
    clients,
    bytes,
    contentHash: contentHash(set),
    files: set.map((n) => n.path),
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { dir, manifest, files: manifest.files.map((f) => join(dir, f)), generated: true };
}

/**
 * One note of a given size for the keystroke figures, for a client of a set (so the cross-note
 * rule finds that client's earlier notes, as for a note being typed). Deterministic.
 */
export function singleNote(seed: number, targetBytes: number, client: Client, session: number): string {
  const rng = new Random(seed ^ targetBytes);
  return generateNote(rng, { client, date: '2026-12-31', session, open: [{ text: 'Book a one-to-one with Sam' }], targetBytes });
}

/** The clients of a set, regenerated from its seed (the first thing the set's generator draws). */
export function clientsOf(seed: number, count: number): Client[] {
  return makeClients(new Random(seed), count);
}
