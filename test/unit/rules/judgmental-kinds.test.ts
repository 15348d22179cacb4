import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Finding } from '../../../src/core/model/types';
import { tempWorkspace, wordListsOnly } from '../support/setup';
import { defaultConfig } from '../../../src/core/config/types';
import { loadJudgmentalLexicon } from '../../../src/core/lexicons/judgmental';

// The kinds of wording the blind fresh-d and fresh-e sets showed missing (eval/judgmental/), and
// the guards that came with them. Each test pairs a sentence that must be flagged with a close one
// that must not, so removing either the reach or the guard fails it.
const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
let setup: EngineSetup;

function findings(body: string, using: EngineSetup = setup): { text: string; found: Finding[] } {
  const text = HEAD + body + '\n';
  return { text, found: lintText(text, 'note.coach.md', using, { only: ['judgmental-language'] }).findings };
}

function flagged(body: string): string[] {
  const { text, found } = findings(body);
  return found.map((f) => text.slice(f.place.start.offset, f.place.end.offset));
}

describe('coach:judgmental-language kinds and their guards', () => {
  before(() => {
    setup = wordListsOnly(); // these readings are the word lists'; the sentence model has its own tests
  });

  describe('who is judged', () => {
    it('reads past a phrase or clause that qualifies the subject to its head', () => {
      assert.deepEqual(flagged('The colleague in question is a snake.'), ['a snake']);
      assert.deepEqual(flagged('Her complaints about the commute are petty.'), ['petty']);
      assert.deepEqual(flagged('The new hire she inherited refuses to budge.'), ['refuses to budge']);
      // The head is a thing: the deadline is judged, not the team.
      assert.deepEqual(flagged('The deadline for the team is aggressive.'), []);
      assert.deepEqual(flagged('The plan she made is useless.'), []);
    });

    it('knows two-word person nouns only with both words', () => {
      assert.deepEqual(flagged("Kwame's direct report is deadweight."), ['deadweight']);
      assert.deepEqual(flagged('Her line manager is a bully.'), ['a bully']);
      assert.deepEqual(flagged('The report is useless.'), []);
    });

    it('reads a plural person noun opening its clause as a whole group, and only a plural', () => {
      assert.deepEqual(flagged('Managers are lazy.'), ['lazy']);
      assert.deepEqual(flagged('Boss is aggressive.'), []);
      // Singular-only in front of a noun: “difficult people” is a topic.
      assert.deepEqual(flagged('We talked about how to handle difficult people.'), []);
    });

    it('a label of something a person has judges them only when it is what they say, do or are', () => {
      assert.deepEqual(flagged('Her timekeeping is sloppy.'), ['sloppy']);
      assert.deepEqual(flagged('Her enthusiasm today was an act.'), ['an act']);
      assert.deepEqual(flagged('Her product roadmap for Q3 is insane.'), []);
      assert.deepEqual(flagged("The vendor's API is flaky, so his team is blocked."), []);
    });

    it('names the person judged in the message, not always the client', () => {
      const { found } = findings('The colleague in question is a snake.');
      assert.match(found[0]?.reason ?? '', /the colleague/i);
    });
  });

  describe('fragments', () => {
    it('a clause opening with a linking verb or “came across as” is about the client', () => {
      assert.deepEqual(flagged('Sounds depressed to me.'), ['depressed']);
      assert.deepEqual(flagged('Came across as arrogant today.'), ['arrogant']);
      assert.deepEqual(flagged('Background: was dirty on the workplace screen.'), ['dirty']);
      assert.deepEqual(flagged('It seems rude.'), []);
    });

    it('“What a …” is an exclamation about the client, unless no label follows', () => {
      assert.deepEqual(flagged('What a snob.'), ['a snob']);
      assert.deepEqual(flagged('What a day.'), []);
    });

    it('a subjectless clause after the coach’s own clause is still the coach’s', () => {
      assert.deepEqual(flagged('I over-explained the model; should have let her lead.'), []);
      assert.deepEqual(flagged('She over-explained the model; should have let the team lead.'), ['should have']);
    });
  });

  describe('whose words', () => {
    it('a sentence that opens by naming whose view it is holds no judgment of the coach', () => {
      assert.deepEqual(flagged('According to him, the CFO is incompetent.'), []);
      assert.deepEqual(flagged('Her view is that the team lead is lazy.'), []);
      assert.deepEqual(flagged('In his opinion, his sister is selfish.'), []);
      assert.deepEqual(flagged('After the offsite, the CFO is incompetent.'), ['incompetent']);
    });

    it('a short quote right after a person doubts what they did', () => {
      assert.deepEqual(flagged('She "forgot" the assignment again.'), ['"forgot"']);
      assert.deepEqual(flagged('Her partner "forgot" the anniversary.'), ['"forgot"']);
      assert.deepEqual(flagged('Her assistant had another "dentist appointment" on a Friday.'), ['"dentist appointment"']);
      assert.deepEqual(flagged('She called it "a reset" and smiled.'), []);
    });

    it('a reporting word used as a noun reports nothing (“after the call”)', () => {
      assert.deepEqual(flagged('After the call, her boss was rude to the team.'), ['rude']);
      assert.deepEqual(flagged('She called her boss rude.'), []);
    });

    it('reported speech stops at a dash', () => {
      assert.deepEqual(flagged('Says she\'s "fine" — I don\'t buy it.'), ["I don't buy it"]);
      assert.deepEqual(flagged('Says she is not convinced by it.'), []);
    });

    it('a diagnosis someone was given is theirs', () => {
      assert.deepEqual(flagged('Back in 2019, she was diagnosed with borderline personality disorder.'), []);
      assert.deepEqual(flagged('Her ex is textbook antisocial, by the sound of it.'), ['textbook antisocial']);
    });
  });

  describe('usual behaviour and one time too many', () => {
    it('flags “as usual” with a negative or negated sentence, for the subject or a fragment', () => {
      assert.deepEqual(flagged('Started at 8:12. Late as usual.'), ['as usual']);
      assert.deepEqual(flagged('As ever, she came in with no agenda.'), ['As ever']);
      assert.deepEqual(flagged('The director, as usual, left the hard decisions to her.'), ['as usual']);
      assert.deepEqual(flagged('As usual, she brought her notebook.'), []);
    });

    it('flags “yet again” unless the sentence is positive', () => {
      assert.deepEqual(flagged('The vendor, yet again, blew the deadline.'), ['yet again']);
      assert.deepEqual(flagged('Once again, unprepared.'), ['Once again']);
      assert.deepEqual(flagged('Once again she led the meeting brilliantly.'), []);
    });

    it('never for the coach, a thing, or someone else’s words', () => {
      assert.deepEqual(flagged('As usual, we began late with a check-in.'), []);
      assert.deepEqual(flagged('I was late again, as usual.'), []);
      assert.deepEqual(flagged('The session started late, as usual.'), []);
      assert.deepEqual(flagged('She said her boss, as usual, ignored her.'), []);
    });

    it('“not once” with the subject after its auxiliary reads that subject', () => {
      assert.deepEqual(flagged('Not once has his boss given him a straight answer.'), ['Not once has']);
      assert.deepEqual(flagged('Not once this quarter has the board meeting been moved.'), []);
    });
  });

  describe('taking a marker out', () => {
    /** The sentence after the “Remove …” quick fix. */
    function removed(body: string): string | undefined {
      const { text, found } = findings(body);
      const fix = found.flatMap((f) => f.fixes ?? []).find((x) => x.title.startsWith('Remove'));
      if (!fix) return undefined;
      let out = text;
      for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
      return out.slice(HEAD.length).trim();
    }

    it('leaves a sentence that reads right, wherever the marker stands', () => {
      assert.equal(removed('Started at 8:12. Late as usual.'), 'Started at 8:12. Late.');
      assert.equal(removed('The vendor, yet again, blew the deadline.'), 'The vendor blew the deadline.');
      assert.equal(removed('As ever, she came in with no agenda.'), 'She came in with no agenda.');
      assert.equal(removed('Bruno showed up twenty minutes late — the usual.'), 'Bruno showed up twenty minutes late.');
      assert.equal(removed('Poor Evan got a bit muddled again.'), 'Evan got a bit muddled again.');
    });
  });

  describe('a name made a type, or talked down to', () => {
    it('a lead word before a person’s name', () => {
      assert.deepEqual(flagged('Classic Jorge move: nods along, then does zero.'), ['Classic Jorge']);
      assert.deepEqual(flagged('Typical Maria, turning a five-minute update into a monologue.'), ['Typical Maria']);
      assert.deepEqual(flagged('Poor Evan got a bit muddled again.'), ['Poor Evan']);
    });

    it('not before a place, a day, a lower-case word, or in someone else’s words', () => {
      assert.deepEqual(flagged('Little Rock was the venue.'), []);
      assert.deepEqual(flagged('A typical Monday for the team.'), []);
      assert.deepEqual(flagged('It was a poor result for the quarter.'), []);
      assert.deepEqual(flagged('She said typical Maria.'), []);
    });
  });

  describe('retorts', () => {
    it('a retort may also close a sentence after a comma or a dash', () => {
      assert.deepEqual(flagged('Conor completed the reflection worksheet — eventually.'), ['eventually']);
      assert.deepEqual(flagged('Her colleague missed the call again, convenient.'), ['convenient']);
      assert.deepEqual(flagged('She will get there eventually.'), []);
      assert.deepEqual(flagged('She said the new slot was convenient.'), []);
    });

    it('a one-word sentence answering the one before is a retort', () => {
      assert.deepEqual(flagged('Apparently he meditates every morning now. Sure.'), ['Sure']);
      assert.deepEqual(flagged('Complained about her workload again. Whatever.'), ['Whatever']);
    });

    it('the same word inside a sentence, or with nothing before it, is not', () => {
      assert.deepEqual(flagged('Sure.'), []);
      assert.deepEqual(flagged('She was sure of the plan. Whatever she decides, we will review it.'), []);
    });
  });

  describe('lexicon kinds', () => {
    it('blame: counterfactuals, ruin idioms, verdicts placed on a person', () => {
      assert.deepEqual(flagged('If her partner pulled his weight at home, she would not be this exhausted.'), ['pulled his weight']);
      assert.deepEqual(flagged('Had she prepared even a little, the pitch would have landed.'), ['Had she prepared']);
      assert.deepEqual(flagged('Had she prepared the slides?'), []);
      assert.deepEqual(flagged('Her brother ran the family business into the ground.'), ['into the ground']);
      assert.deepEqual(flagged('Missed the promotion; that one\'s on her.'), ["that one's on her"]);
      assert.deepEqual(flagged('The next step is on her list.'), []);
    });

    it('condescension and mind-reading', () => {
      assert.deepEqual(flagged('He finally got it after the third explanation.'), ['finally got it']);
      assert.deepEqual(flagged('Even she could see the timeline was unrealistic.'), ['Even she could']);
      assert.deepEqual(flagged('His real goal is to get his boss fired.'), ['real goal is']);
      assert.deepEqual(flagged('We agreed that her real goal is promotion.'), []);
      assert.deepEqual(flagged('He brought up his childhood to change the subject.'), ['to change the subject']);
    });

    it('moralizing, diagnosing, doubt, dismissal, substance use, difficult client, groups', () => {
      assert.deepEqual(flagged('It is disrespectful that she arrives without notes.'), ['It is disrespectful that']);
      // A choice called heartless judges whoever made it.
      assert.deepEqual(flagged('Put her career before her father’s care: a heartless choice.'), ['a heartless choice']);
      assert.deepEqual(flagged('Her mother has obvious control issues.'), ['has obvious control issues']);
      assert.deepEqual(flagged('Possibly dyslexic, which would explain the report problems.'), ['Possibly dyslexic']);
      assert.deepEqual(flagged('She is dyslexic and prefers written agendas.'), []);
      assert.deepEqual(flagged('The landlord maintains he never received the notice.'), ['maintains he']);
      assert.deepEqual(flagged('Worried about the keynote. It is just nerves.'), ['just nerves']);
      assert.deepEqual(flagged('He came to the session smelling like a drunk.'), ['like a drunk']);
      assert.deepEqual(flagged('He did not comply with the agreed plan.'), ['did not comply']);
      assert.deepEqual(flagged('French vendors are notoriously slow.'), ['notoriously']);
      assert.deepEqual(flagged('His industry is notoriously cutthroat.'), []);
    });
  });
  // Kinds the blind fresh-k and fresh-l sets showed unread (eval/judgmental/fresh-k.md, fresh-l.md).
  describe('kinds from fresh-k and fresh-l', () => {
    it('reads a misfortune called the predictable result of someone\'s own choices as blame, not one of circumstances', () => {
      assert.deepEqual(flagged('The layoff was the predictable result of his choices over the past year.'), ['the predictable result of his choices']);
      assert.deepEqual(flagged("The delay was the predictable result of the vendor's backlog."), []);
    });

    it('reads the knowing "will do that to a man" and "can\'t point the finger at anybody but himself" as blame', () => {
      assert.deepEqual(flagged('Forty years of fry-ups will do that to a man.'), ['will do that to a man']);
      assert.deepEqual(flagged("He can't point the finger at anybody but himself."), ["can't point the finger at anybody but himself"]);
      assert.deepEqual(flagged('He pointed at the chart on the wall.'), []);
    });

    it('reads a person\'s manner called calculated as mind-reading, and leaves calculated numbers alone', () => {
      assert.deepEqual(flagged('Her niceness to the new VP is calculated.'), ['calculated']);
      assert.deepEqual(flagged('The budget was calculated by her team.'), []);
      assert.deepEqual(flagged('It was a calculated risk.'), []);
    });

    it('reads a group judged as one ("liars to a man", "are all the same") as a generalization, about people only', () => {
      assert.deepEqual(flagged('Recruiters, eh — liars to a man.'), ['liars to a man']);
      assert.deepEqual(flagged('Her brothers are all the same.'), ['are all the same']);
      assert.deepEqual(flagged('The files are all the same.'), []);
    });

    it('takes reliably, routinely and month in, month out for habit markers, judged by what follows', () => {
      assert.deepEqual(flagged('The team routinely misses deadlines.'), ['routinely']);
      assert.deepEqual(flagged('She routinely checks in on Fridays.'), []);
      assert.equal(flagged('His son treats the family home like a hotel, month in, month out.').length, 1);
      // A habit marker judges a person's habit; a thing's routine is no one's trait.
      assert.deepEqual(flagged('The newsletter goes out month in, month out.'), []);
    });

    it('keeps a listed substance-use label (negation_keeps) in a negated clause, and no other label', () => {
      assert.deepEqual(flagged('She never got clean.'), ['clean']);
      assert.deepEqual(flagged("He isn't clean yet."), ['clean']);
      assert.deepEqual(flagged('Maria was never a junkie.'), ['a junkie']);
      assert.deepEqual(flagged("Her brother's no longer a crackhead."), ['a crackhead']);
      // A negated character label is no judgment, and reported words stay the speaker's.
      assert.deepEqual(flagged('She is not lazy.'), []);
      assert.deepEqual(flagged('She never got defensive.'), []);
      assert.deepEqual(flagged('She said she is not an addict.'), []);
      // Only the words listed as such: slang that also means something else stays negatable.
      assert.deepEqual(flagged('I asked what she would do if she were not wasted on spreadsheets.'), []);
    });

    it('offers no negated rewrite in a negated clause: “hasn’t been abstinent”, never “hasn’t been not using”', () => {
      const { text, found } = findings("She hasn't been clean since March.");
      const rewrites = found.flatMap((f) => (f.fixes ?? []).flatMap((fix) => fix.edits.map((e) => text.slice(0, e.start) + e.newText + text.slice(e.end))));
      assert.ok(rewrites.some((r) => r.includes("She hasn't been abstinent since March.")), rewrites.join(' | '));
      assert.ok(rewrites.every((r) => !/n't been not /.test(r)), rewrites.join(' | '));
      // A lexicon whose first suggestion is negated, so the guard is what keeps it out.
      const root = tempWorkspace({
        'lexicons/judgmental.yaml': 'schema_version: 1\ncategories:\n  - { id: substance-use, title: substance-use label, explanation: it labels. }\nentries:\n  - { phrase: zonked, category: substance-use, pos: adjective, context: subject, negation_keeps: true, suggestions: [not sober, unwell] }\n',
      });
      const own = { ...setup, judgmental: loadJudgmentalLexicon(root, defaultConfig()).lexicon };
      const fixesOf = (body: string) => findings(body, own).found.flatMap((f) => (f.fixes ?? []).flatMap((fix) => fix.edits.map((e) => e.newText)));
      assert.deepEqual(fixesOf('She never is zonked on a weekday.'), ['unwell']);
      assert.deepEqual(fixesOf('She was zonked today.'), ['not sober', 'unwell'], 'without a negation the negated suggestion fits after “was”');
    });
  });
});
