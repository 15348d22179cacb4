import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import { setupWith, wordListsOnly } from '../support/setup';

// One test per guard of coach:judgmental-language: each pairs a sentence the guard must let
// through with one it must stop, so deleting the guard (or the rule's reach) fails a test.
const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
let setup: EngineSetup;

function flagged(body: string, config?: EngineSetup): string[] {
  const text = HEAD + body + '\n';
  const { findings } = lintText(text, 'note.coach.md', config ?? setup, { only: ['judgmental-language'] });
  return findings.map((f) => text.slice(f.place.start.offset, f.place.end.offset));
}

describe('coach:judgmental-language guards', () => {
  before(() => {
    setup = wordListsOnly(); // these readings are the word lists'; the sentence model has its own tests
  });

  it('quoted words are masked; a quote that ends its sentence ends reported speech', () => {
    assert.deepEqual(flagged('She called herself "lazy" and laughed.'), []);
    assert.deepEqual(flagged('She said "fine." He is lazy.'), ['lazy']);
    assert.deepEqual(flagged('She said “fine.” He is lazy.'), ['lazy']);
  });

  it('blockquotes hold the client’s words', () => {
    assert.deepEqual(flagged('> I am so lazy about this.'), []);
    assert.deepEqual(flagged('I am not sure. She is so lazy about this.'), ['so lazy']);
  });

  it('reported speech reaches to the end of its clause, and a contrast ends it', () => {
    assert.deepEqual(flagged('She told me her manager thinks she is lazy.'), []);
    assert.deepEqual(flagged('She said it was fine, but she was defensive.'), ['defensive']);
  });

  it('the client’s own question about how others see her is hers, not the coach’s label', () => {
    assert.deepEqual(flagged('She is unsure whether her peers find her defensive.'), []);
    assert.deepEqual(flagged('She is sure of it, and she was defensive.'), ['defensive']);
  });

  it('the coach’s self-reflection is not a judgment of the client', () => {
    assert.deepEqual(flagged('I was defensive when she pushed back.'), []);
    assert.deepEqual(flagged('She was defensive when I pushed back.'), ['defensive']);
  });

  it('an adjective followed by a thing describes the thing', () => {
    assert.deepEqual(flagged('She had a lazy Sunday.'), []);
    assert.deepEqual(flagged('She was lazy on Sunday.'), ['lazy']);
  });

  it('a person noun makes an attributive adjective a judgment, unless it heads a compound', () => {
    assert.deepEqual(flagged('She had a difficult client conversation.'), []);
    assert.deepEqual(flagged('She is a difficult client.'), ['a difficult client']);
  });

  it('after a name, ’s before a valence-list noun owns it; after a pronoun it is “is”', () => {
    assert.deepEqual(flagged('He went to Jonas’s grave on Sunday.'), []);
    assert.deepEqual(flagged("He went to Jonas's grave on Sunday."), []);
    assert.deepEqual(flagged("He's grave on Sunday."), ['grave']);
  });

  it('an article opens the noun phrase: words before it are not a label’s modifiers', () => {
    assert.deepEqual(flagged('Last autumn a chemical dosing failure at one works led to a notice.'), []);
    assert.deepEqual(flagged('A chemical dosing failure, again.'), ['A chemical dosing failure']);
  });

  it('a label noun before a person noun labels that person; a label-like word before a thing does not', () => {
    assert.deepEqual(flagged('His addict brother called twice.'), ['addict brother']);
    assert.deepEqual(flagged('She met an addiction counsellor.'), []);
    assert.deepEqual(flagged('Addict brother again.'), []);
  });

  it('hedges before a label belong to it', () => {
    assert.deepEqual(flagged('She is almost certainly an alcoholic.'), ['almost certainly an alcoholic']);
    // Negated, a label is no judgment; substance-use words that keep their stigma are tested in judgmental-kinds.
    assert.deepEqual(flagged('She is not a narcissist.'), []);
  });

  it('a negated attributive is left alone', () => {
    assert.deepEqual(flagged('She is not a difficult client.'), []);
  });

  it('unless_next words turn a label into an ordinary use', () => {
    assert.deepEqual(flagged('She is difficult to reach on Fridays.'), []);
    assert.deepEqual(flagged('She is difficult about the schedule.'), ['difficult']);
  });

  it('“should have” needs a past participle', () => {
    assert.deepEqual(flagged('She should have more time next week.'), []);
    assert.deepEqual(flagged('She should have told her manager.'), ['should have']);
  });

  it('a subject-only word needs a person: situational uses pass', () => {
    assert.deepEqual(flagged('The deadline is aggressive.'), []);
    assert.deepEqual(flagged('Her boss is aggressive.'), ['aggressive']);
  });

  it('a person noun needs a determiner or possessive to be someone (“team” as a thing does not)', () => {
    assert.deepEqual(flagged('Boss is aggressive.'), []);
    assert.deepEqual(flagged('The boss is aggressive.'), ['aggressive']);
  });

  it('fragments open with the label; a subject-only word needs a following word that fits', () => {
    assert.deepEqual(flagged('Defensive when we got to the feedback.'), ['Defensive']);
    assert.deepEqual(flagged('Aggressive deadline this quarter.'), []);
  });

  it('names are people, days and tools are not', () => {
    assert.deepEqual(flagged('After the call, Anna was defensive.'), ['defensive']);
    assert.deepEqual(flagged('After the call, Monday was difficult.'), []);
  });

  it('a name opening a sentence is known from where the note writes it in mid-sentence, block by block', () => {
    assert.deepEqual(flagged('Declan is lazy.'), []);
    // The same block again, now with the name known from another block: its cached reading must not be reused.
    assert.deepEqual(flagged('Declan is lazy.\n\nShe met with Declan on Monday.'), ['lazy']);
    assert.deepEqual(flagged('Declan is lazy. She met with Declan on Monday.'), ['lazy']);
    // After a sentence's end a capital is a sentence's first word, not a name.
    assert.deepEqual(flagged('Acme is lazy. She left. Acme called.'), []);
  });

  it('judgments of other people name them in the message', () => {
    const text = HEAD + 'Her manager is lazy.\n';
    const [f] = lintText(text, 'note.coach.md', setup, { only: ['judgmental-language'] }).findings;
    assert.match(f?.reason ?? '', /^‘lazy’, about her manager, is a character label: it judges who her manager is/);
    assert.equal(f?.data?.['person'], 'other');
    const [g] = lintText(HEAD + 'She is lazy.\n', 'note.coach.md', setup, { only: ['judgmental-language'] }).findings;
    assert.match(g?.reason ?? '', /^‘lazy’ is a character label: it judges who Maria is/);
  });

  it('trait nouns need a possessive', () => {
    assert.deepEqual(flagged('Her constant whining wore the team down.'), ['constant whining']);
    assert.deepEqual(flagged('Whining is a word she used about herself.'), []);
  });

  it('scare quotes around a few of the client’s words read as doubt, not a reported quote', () => {
    assert.deepEqual(flagged('Her "migraine" flared up before the session again.'), ['"migraine"']);
    assert.deepEqual(flagged('She had a “family emergency” on Tuesday.'), ['“family emergency”']);
    assert.deepEqual(flagged('She said it was her "migraine" again.'), []);
    assert.deepEqual(flagged('We named our "stuck point" together.'), []);
    assert.deepEqual(flagged('She is "fine with seven" now.'), [], 'after a linking verb, the client’s own description');
    assert.deepEqual(flagged('She was "too busy" to do the exercise.'), ['"too busy"'], 'a short quote the sentence goes on from');
    assert.deepEqual(flagged('She said it went well. She is "fine".'), [], 'a quote that ends its sentence');
    assert.deepEqual(flagged('She had a "long and tiring week with the launch" before.'), [], 'longer than a few words');
  });

  it('an allowed phrase is never flagged', () => {
    const allowing = setupWith('judgmental:\n  allow: [lazy]\n');
    assert.deepEqual(flagged('She is lazy.', allowing), []);
    assert.deepEqual(flagged('She is defensive.', allowing), ['defensive']);
  });

  it('a strong frequency marker makes any present-tense habit of a person a trait, not a routine or someone’s report', () => {
    assert.deepEqual(flagged('Her husband checks his phone every single time she talks.'), ['checks']);
    assert.deepEqual(flagged('She says her husband checks his phone every single time she talks.'), []);
    assert.deepEqual(flagged('Her husband checks his phone at dinner.'), []);
    assert.deepEqual(flagged('I check my notes every single time before a session.'), []);
    // A marker with its own subject says when: its verb is the occasion, the habit is the main clause's.
    assert.deepEqual(flagged('The alarm system goes off every time the cleaners arrive before six.'), []);
    assert.deepEqual(flagged('Every time she talks, her husband checks his phone.'), ['checks']);
    assert.deepEqual(flagged('Every time Ana gets feedback she crumbles.'), ['crumbles']);
    assert.deepEqual(flagged('Invariably the first minutes go on the weather; it is how she settles in.'), []);
  });

  it('blame after any person’s possessive, unless negated or attributed', () => {
    assert.deepEqual(flagged('The delay is entirely Anna’s fault.'), ['fault']);
    assert.deepEqual(flagged('The delay is not Anna’s fault.'), []);
    assert.deepEqual(flagged('The delay was the board’s fault, according to the memo she shared.'), []);
  });

  it('generalizations need a present-tense trait, not a past fact', () => {
    assert.deepEqual(flagged('Her father never finished school.'), []);
    assert.deepEqual(flagged('Her father never listens.'), ['never listens']);
    assert.deepEqual(flagged('He is always late.'), ['always late']);
  });

  it('“her” before a noun owns it: the phrase does not read her as the person, unless what she owns is a person', () => {
    assert.deepEqual(flagged('Her baby was on her lap for the first ten minutes.'), []);
    assert.deepEqual(flagged('The standup timer is on her second monitor.'), []);
    assert.deepEqual(flagged('That one is on her, not the team.'), ['That one is on her']);
    assert.deepEqual(flagged('Shame on her boss for how he handled it.'), ['Shame on her']);
  });

  it('a phrase opening the sentence before a noun phrase about a thing judges no one', () => {
    assert.deepEqual(flagged('For once, the quarterly figures were ready a week early.'), []);
    assert.deepEqual(flagged('For once there was no queue at the crossing.'), []);
    assert.deepEqual(flagged('For once, his report was ready a week early.'), ['For once']);
    assert.deepEqual(flagged('For once turned up on time.'), ['For once']);
    // A doubt marker doubts the teller; a verb or noun phrase opens a fragment about the client.
    assert.deepEqual(flagged('Allegedly the report was finished on Friday.'), ['Allegedly']);
    assert.deepEqual(flagged('Same old story, the system is at fault and she is blameless.'), ['Same old story']);
  });

  it('“the usual” right before a noun describes the thing; a repeat marker’s subject ends at the comma', () => {
    assert.deepEqual(flagged('Invited Tomas to imagine a day in which the usual run of meetings did not happen.'), []);
    assert.deepEqual(flagged('She was late and unprepared, the usual.'), ['the usual']);
    assert.deepEqual(flagged('Every time the release slips, customer support has to update the pages again.'), []);
    assert.deepEqual(flagged('Every time, the client forgets the agenda.').includes('Every time'), true);
  });

  it('a quote after a word that names words holds those words, not a scare quote', () => {
    assert.deepEqual(flagged('Reflected his repeated phrase "my trainees" back to him.'), []);
    assert.deepEqual(flagged('Her "emergency" was a dentist appointment.'), ['"emergency"']);
  });

  it('“should” with a time it is due by, an event it comes before or a condition is a plan, not a verdict', () => {
    assert.deepEqual(flagged('He should submit the grant renewal by 15 October.'), []);
    assert.deepEqual(flagged('She must renew the hygiene certificate before the market season opens.'), []);
    assert.deepEqual(flagged('She should ask for the salary band next week.'), []);
    assert.deepEqual(flagged('Tomorrow she should ring the accountant.'), []);
    assert.deepEqual(flagged('She must give three months’ notice if she accepts the offer.'), []);
    assert.deepEqual(flagged('He should submit the grant renewal properly.'), ['should']);
  });

  it('a negative noun before a person noun names a kind of person, not a verdict', () => {
    assert.deepEqual(flagged('Invited her to try a sentence starter and notice her response.'), []);
    assert.deepEqual(flagged('She is a menace.'), ['a menace']);
  });

  it('motive and doubt patterns leave ordinary plans and directions alone (lexicon)', () => {
    assert.deepEqual(flagged('He offered to keep her on the alumni list.'), []);
    assert.equal(flagged('He did it to keep her quiet.').length, 1);
    assert.deepEqual(flagged('The team agreed to get the supplier data first.'), []);
    assert.equal(flagged('She cried to get her way.').length, 1);
    assert.deepEqual(flagged('They paused and looked off camera.'), []);
    assert.deepEqual(flagged('He needs to stop the old hosting contract before it renews.'), []);
    assert.deepEqual(flagged('He needs to stop interrupting.'), ['needs to stop']);
    assert.equal(flagged('Her story seemed off.').length, 1);
  });

  it('a moral verb under a hypothetical modal in a question is asked about, not a verdict', () => {
    assert.deepEqual(flagged('I asked her to list what she would need to stop doing to make room for the review.'), []);
    assert.deepEqual(flagged('She would need to stop doing the reports to make room.'), ['need to stop']);
  });

  it('an ordinal after an adjective leads on to the thing it describes', () => {
    assert.deepEqual(flagged('A slow first week for the van business.'), []);
    assert.deepEqual(flagged('He was defensive first, then curious.'), ['defensive']);
  });

  it('“piece of work” labels a person, not a task (lexicon context: label)', () => {
    assert.deepEqual(flagged('The rollout was a complex piece of work across four time zones.'), []);
    assert.deepEqual(flagged('Her manager is a real piece of work.'), ['a real piece of work']);
  });

  it('generalizations without always/never: a failure counted as total, “incapable of”, “the type to”, the same story everywhere (lexicon)', () => {
    assert.deepEqual(flagged('Petra has not kept a single promise to the team this year.'), ['not kept a single promise']);
    assert.deepEqual(flagged('She has not missed a single deadline.'), []);
    assert.deepEqual(flagged('Not one deadline met since we started in January.'), ['Not one deadline met']);
    assert.deepEqual(flagged('C. is incapable of saying no to anyone.'), ['is incapable of']);
    assert.deepEqual(flagged('He is incapable of walking far since the surgery.'), []);
    assert.deepEqual(flagged('She has always been the type to quit when it gets hard.'), ['has always been the type to']);
    assert.deepEqual(flagged('Blames the tools. Identical story at all four of his last companies.'), ['at all four of his last companies']);
    assert.deepEqual(flagged('He worked at all four of his last companies as CTO.'), []);
  });

  it('doubt, blame and moralizing idioms with their objects left open (lexicon)', () => {
    assert.equal(flagged('I’ll believe it when I see the signed contract.').length, 1);
    assert.deepEqual(flagged('She tells me she did all the reading; we’ll see.'), ['we’ll see']);
    assert.deepEqual(flagged('We’ll see how the pilot goes.'), []);
    assert.deepEqual(flagged('Nobody to blame for the lost weekend but Bram.'), ['Nobody to blame']);
    assert.deepEqual(flagged('Nobody to blame for the outage, the review found.'), []);
    assert.deepEqual(flagged('The back injury is what you get for refusing to see a physio.'), ['what you get for']);
    assert.deepEqual(flagged('The report shows what you get for the money.'), []);
    assert.deepEqual(flagged('No decent manager reads out a report’s salary in a meeting.'), ['No decent manager']);
    assert.deepEqual(flagged('Bad form to take the credit for Lisa’s deck.'), ['Bad form to']);
    assert.deepEqual(flagged('A poor show of hands at the vote, so it was deferred.'), []);
  });

  it('blame in open forms: whose making, the job not done, the culprits, what happens when (lexicon)', () => {
    assert.deepEqual(flagged('The backlog on his desk is mostly of his making.'), ['mostly of his making']);
    assert.deepEqual(flagged('The mess in the shared drive is all their doing.'), ['all their doing']);
    assert.deepEqual(flagged('If her manager had done his job, the audit would have passed.'), ['had done his job']);
    assert.deepEqual(flagged('Had the board done its job, nobody would have been laid off.'), ['Had the board done its job']);
    assert.deepEqual(flagged('She had done her job there for ten years before the merger.'), []);
    assert.deepEqual(flagged('In the retro the contractors were the culprits.'), ['the culprits']);
    assert.deepEqual(flagged('He got himself into this by promising the board a date.'), ['got himself into this']);
    assert.deepEqual(flagged('She missed the bus, which is what happens when you leave at eight.'), ['which is what happens when you']);
    assert.deepEqual(flagged('The common factor is her, in every one of those fallings-out.'), ['The common factor is her']);
    assert.deepEqual(flagged('Three resignations, and I can only lay that at her door.'), ['at her door']);
    assert.deepEqual(flagged('The parcel was left at her door.'), []);
    assert.deepEqual(flagged('Dana has nobody else to thank for the warning but herself.'), ['nobody else to thank']);
  });

  it('generalization, mind-reading and condescension in open forms (lexicon)', () => {
    assert.deepEqual(flagged('Saying yes to everything is his default setting.'), ['his default setting']);
    assert.deepEqual(flagged('He walks out the moment things get difficult.'), ['the moment things get difficult']);
    assert.deepEqual(flagged('She calls the helpline the moment things get difficult at home.'), []);
    assert.deepEqual(flagged('She changed her mind on the hire, as she does with everything.'), ['as she does with everything']);
    assert.deepEqual(flagged('The sudden migraine was a bid for attention.'), ['a bid for attention']);
    assert.deepEqual(flagged('The long emails are her way of controlling the agenda.'), ['are her way of controlling']);
    assert.deepEqual(flagged('He copies everyone in so nobody notices he missed the date.'), ['so nobody notices']);
    assert.deepEqual(flagged('The volunteering is all about looking good for the panel.'), ['is all about looking good']);
    assert.deepEqual(flagged('She managed the spreadsheet impressively at her age.'), ['impressively at her age']);
    assert.deepEqual(flagged('She retired at her age of sixty.'), []);
    assert.deepEqual(flagged('Remarkably eloquent for a school-leaver.'), ['for a school-leaver']);
    assert.deepEqual(flagged('She is mentoring a school-leaver for a year.'), []);
    assert.deepEqual(flagged('The new starters did their best, the poor lambs.'), ['the poor lambs']);
  });

  it('doubt and moralizing in open forms: belief strained, an act named for what it is (lexicon)', () => {
    assert.deepEqual(flagged('She says the file vanished on its own, which stretches credulity.'), ['stretches credulity']);
    assert.deepEqual(flagged('His account of the meeting was suspiciously rehearsed.'), ['was suspiciously rehearsed']);
    assert.deepEqual(flagged('She rehearsed the pitch twice.'), []);
    assert.deepEqual(flagged('He kept the tips for himself, which is greedy.'), ['is greedy']);
    assert.deepEqual(flagged('It was sleazy of his agent to call her at home.'), ['sleazy of']);
    assert.deepEqual(flagged('Read out her appraisal in the canteen. Underhanded behaviour.'), ['Underhanded behaviour']);
    assert.deepEqual(flagged('We talked about how to respond to underhanded tactics in negotiations.'), []);
  });

  it('understatement: a quality someone is said to be far from (lexicon)', () => {
    assert.deepEqual(flagged('Hardly a team player, Grace.'), ['Hardly a team player']);
    assert.deepEqual(flagged('Her sister is not exactly punctual.'), ['not exactly punctual']);
    assert.deepEqual(flagged('The 8.10 train is not exactly punctual.'), []);
    assert.deepEqual(flagged('The deck was hardly a genius piece of work.'), []);
  });

  it('“self” is a person noun: a label before it describes the person (“his usual smug self”)', () => {
    assert.deepEqual(flagged('On the call he was his usual smug self.'), ['smug self']);
    assert.deepEqual(flagged('She was her usual cheerful self.'), []);
  });
});
