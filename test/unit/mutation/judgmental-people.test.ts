// Who a judgment is about (src/core/rules/judgmental/people.ts), asked directly of the clause
// before a hit: for each word, whom `personAt` takes it to name; which words `isName` and
// `isPersonNoun` (loose, strict) accept; and what the subject, object, appositive, “of” and
// clause-subject readings find, with `throughCoordination`, `coachOpensSentence` and
// `selfOrNegated`. Exact strings, as the rule reads these clauses today.
import assert from 'node:assert/strict';
import { phraseKey, type JudgmentalLexicon } from '../../../src/core/lexicons/judgmental';
import { BlockView } from '../../../src/core/rules/judgmental/block-view';
import { appositive, clauseSubject, coachOpensSentence, isName, isPersonNoun, judgedObject, linkedSubject, ofPerson, personAt, selfOrNegated, subjectAt, throughCoordination } from '../../../src/core/rules/judgmental/people';
import { FRAME_BREAKS, type Frame, type Subject } from '../../../src/core/rules/judgmental/reading';
import { wordListsOnly } from '../support/setup';

const people = { names: new Set(['maria']), client: 'Maria' };

function frameOf(lexicon: JudgmentalLexicon, text: string, hit: string, phrase: string): Frame {
  const view = new BlockView(text, undefined);
  const start = text.lastIndexOf(hit);
  const end = start + hit.length;
  const before = view.before(start, FRAME_BREAKS);
  const entry = lexicon.entries.get(phraseKey(phrase));
  assert.ok(entry, phrase);
  const commaBeforeHit = view.text.slice(before[before.length - 1]?.end ?? start, start).includes(',');
  return { view, lexicon, entry, c: lexicon.english.classes, start, end, before, next: view.after(end), commaBeforeHit, people };
}

const who = (s: Subject | undefined) => (s ? `${s.token.raw}:${s.person.client ? 'client' : s.person.text}${s.owned ? ':owned' : ''}` : '-');

function reading(lexicon: JudgmentalLexicon, text: string, hit: string, phrase: string) {
  const f = frameOf(lexicon, text, hit, phrase);
  const lead = f.before.length;
  return {
    persons: f.before.map((_, i) => who(personAt(f, f.before, i))).join(' '),
    names: f.before.map((_, i) => (isName(f, f.before, i) ? 1 : 0)).join(''),
    nouns: f.before.map((t) => (isPersonNoun(f.view, lexicon, t, false) ? 1 : 0) + (isPersonNoun(f.view, lexicon, t, true) ? 2 : 0)).join(''),
    linked: who(linkedSubject(f, lead)),
    object: who(judgedObject(f, lead)),
    appositive: who(appositive(f, lead)),
    of: who(ofPerson(f, lead)),
    clause: who(clauseSubject(f)),
    coord: throughCoordination(f, lead - 1),
    coach: coachOpensSentence(f),
    self: selfOrNegated(f, lead - 1),
    subject: who(subjectAt(f, f.before, lead - 1)),
  };
}

const CASES: [text: string, hit: string, phrase: string, read: ReturnType<typeof reading>][] = [
  ["Her new manager is lazy", "lazy", "lazy", {"persons":"- - manager:her new manager -","names":"0000","nouns":"0030","linked":"manager:her new manager","object":"-","appositive":"-","of":"-","clause":"manager:her new manager","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Tom's wife is lazy", "lazy", "lazy", {"persons":"Tom:Tom - wife:Tom's wife -","names":"1000","nouns":"0030","linked":"wife:Tom's wife","object":"-","appositive":"-","of":"-","clause":"Tom:Tom","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["That team of his is lazy", "lazy", "lazy", {"persons":"- team:that team - team:that team -","names":"00000","nouns":"03000","linked":"team:that team","object":"-","appositive":"-","of":"-","clause":"team:that team","coord":4,"coach":false,"self":false,"subject":"team:that team"}],
  ["French vendors are lazy", "lazy", "lazy", {"persons":"- vendors:French vendors -","names":"000","nouns":"010","linked":"vendors:French vendors","object":"-","appositive":"-","of":"-","clause":"-","coord":2,"coach":false,"self":false,"subject":"-"}],
  ["Millennials are lazy", "lazy", "lazy", {"persons":"Millennials:Millennials -","names":"00","nouns":"10","linked":"Millennials:Millennials","object":"-","appositive":"-","of":"-","clause":"Millennials:Millennials","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["HR is lazy", "lazy", "lazy", {"persons":"HR:HR -","names":"00","nouns":"30","linked":"HR:HR","object":"-","appositive":"-","of":"-","clause":"HR:HR","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["The colleague in question is lazy", "lazy", "lazy", {"persons":"- colleague:the colleague - - -","names":"00000","nouns":"03000","linked":"colleague:the colleague","object":"-","appositive":"-","of":"-","clause":"colleague:the colleague","coord":4,"coach":false,"self":false,"subject":"colleague:the colleague"}],
  ["Her complaints about the commute are petty", "petty", "petty", {"persons":"- Her:client:owned - - - -","names":"000000","nouns":"000000","linked":"Her:client:owned","object":"-","appositive":"-","of":"-","clause":"Her:client:owned","coord":5,"coach":false,"self":false,"subject":"Her:client:owned"}],
  ["The new hire she inherited is lazy", "lazy", "lazy", {"persons":"- - hire:the new hire she:client - -","names":"000000","nouns":"003000","linked":"hire:the new hire","object":"-","appositive":"-","of":"-","clause":"hire:the new hire","coord":5,"coach":false,"self":false,"subject":"-"}],
  ["The report she wrote is lazy", "lazy", "lazy", {"persons":"- - she:client - -","names":"00000","nouns":"00000","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":4,"coach":false,"self":false,"subject":"-"}],
  ["The deadline for the team is lazy", "lazy", "lazy", {"persons":"- - - - team:the team -","names":"000000","nouns":"000030","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":5,"coach":false,"self":false,"subject":"-"}],
  ["Why is Sione so lazy", "lazy", "lazy", {"persons":"- - Sione:Sione -","names":"0010","nouns":"0000","linked":"Sione:Sione","object":"-","appositive":"-","of":"-","clause":"-","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Is she lazy", "lazy", "lazy", {"persons":"- she:client","names":"00","nouns":"00","linked":"she:client","object":"-","appositive":"-","of":"-","clause":"-","coord":1,"coach":false,"self":false,"subject":"she:client"}],
  ["How is he so lazy", "lazy", "lazy", {"persons":"- - he:client -","names":"0000","nouns":"0000","linked":"he:client","object":"-","appositive":"-","of":"-","clause":"-","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["She came across as arrogant", "arrogant", "arrogant", {"persons":"She:client - - -","names":"0000","nouns":"0000","linked":"She:client","object":"-","appositive":"-","of":"-","clause":"She:client","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["He came off as arrogant", "arrogant", "arrogant", {"persons":"He:client - - -","names":"0000","nouns":"0000","linked":"He:client","object":"-","appositive":"-","of":"-","clause":"He:client","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["She sounds like a martyr", "martyr", "martyr", {"persons":"She:client - - -","names":"0000","nouns":"0000","linked":"She:client","object":"-","appositive":"-","of":"-","clause":"She:client","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["She sighed and got defensive", "defensive", "defensive", {"persons":"She:client - - -","names":"0000","nouns":"0000","linked":"She:client","object":"-","appositive":"-","of":"-","clause":"She:client","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Daniel, who is frankly lazy", "lazy", "lazy", {"persons":"Daniel:Daniel - - -","names":"1000","nouns":"0000","linked":"Daniel:Daniel","object":"-","appositive":"-","of":"-","clause":"Daniel:Daniel","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Maria sighed and got defensive", "defensive", "defensive", {"persons":"Maria:client - - -","names":"1000","nouns":"0000","linked":"Maria:client","object":"-","appositive":"-","of":"-","clause":"Maria:client","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Her boss sighed and got defensive", "defensive", "defensive", {"persons":"- boss:her boss - - -","names":"00000","nouns":"03000","linked":"boss:her boss","object":"-","appositive":"-","of":"-","clause":"boss:her boss","coord":4,"coach":false,"self":false,"subject":"-"}],
  ["Then, when she sighed and got defensive", "defensive", "defensive", {"persons":"- - she:client - - -","names":"000000","nouns":"000000","linked":"she:client","object":"-","appositive":"-","of":"-","clause":"she:client","coord":5,"coach":false,"self":false,"subject":"-"}],
  ["I think Jonas just wants", "just wants", "just wants", {"persons":"- - Jonas:Jonas","names":"001","nouns":"000","linked":"-","object":"Jonas:Jonas","appositive":"-","of":"-","clause":"Jonas:Jonas","coord":2,"coach":true,"self":true,"subject":"Jonas:Jonas"}],
  ["I think that she just wants", "just wants", "just wants", {"persons":"- - - she:client","names":"0000","nouns":"0000","linked":"-","object":"she:client","appositive":"-","of":"-","clause":"she:client","coord":3,"coach":true,"self":true,"subject":"she:client"}],
  ["So after the call her old boss just wants", "just wants", "just wants", {"persons":"- - - - - - boss:her old boss","names":"0000000","nouns":"0000003","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":6,"coach":false,"self":false,"subject":"boss:her old boss"}],
  ["I found her defensive", "defensive", "defensive", {"persons":"- - -","names":"000","nouns":"000","linked":"-","object":"her:client","appositive":"-","of":"-","clause":"-","coord":2,"coach":true,"self":true,"subject":"-"}],
  ["Her boss found her defensive", "defensive", "defensive", {"persons":"- boss:her boss - -","names":"0000","nouns":"0300","linked":"-","object":"-","appositive":"-","of":"-","clause":"boss:her boss","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["I found her manager defensive", "defensive", "defensive", {"persons":"- - - manager:her manager","names":"0000","nouns":"0003","linked":"-","object":"manager:her manager","appositive":"-","of":"-","clause":"-","coord":3,"coach":true,"self":true,"subject":"manager:her manager"}],
  ["I found her cold and rather selfish", "selfish", "selfish", {"persons":"- - - - - -","names":"000000","nouns":"000000","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":5,"coach":true,"self":true,"subject":"-"}],
  ["Frankly I really found him defensive", "defensive", "defensive", {"persons":"- - - - -","names":"00000","nouns":"00000","linked":"-","object":"him:client","appositive":"-","of":"-","clause":"-","coord":4,"coach":false,"self":false,"subject":"-"}],
  ["Yara, ever the martyr", "martyr", "martyr", {"persons":"- - -","names":"000","nouns":"000","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":2,"coach":false,"self":false,"subject":"-"}],
  ["Tom, a real martyr", "martyr", "martyr", {"persons":"Tom:Tom - -","names":"100","nouns":"000","linked":"-","object":"-","appositive":"-","of":"-","clause":"Tom:Tom","coord":2,"coach":false,"self":false,"subject":"-"}],
  ["Tom, martyr", "martyr", "martyr", {"persons":"Tom:Tom","names":"1","nouns":"0","linked":"-","object":"-","appositive":"Tom:Tom","of":"-","clause":"Tom:Tom","coord":0,"coach":false,"self":false,"subject":"Tom:Tom"}],
  ["It was selfish of Elena", "selfish", "selfish", {"persons":"- -","names":"00","nouns":"00","linked":"-","object":"-","appositive":"-","of":"Elena:Elena","clause":"-","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["It is selfish of him", "selfish", "selfish", {"persons":"- -","names":"00","nouns":"00","linked":"-","object":"-","appositive":"-","of":"him:client","clause":"-","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["It was selfish of Maria", "selfish", "selfish", {"persons":"- -","names":"00","nouns":"00","linked":"-","object":"-","appositive":"-","of":"Maria:client","clause":"-","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["It was selfish of the team", "selfish", "selfish", {"persons":"- -","names":"00","nouns":"00","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["It was selfish of", "selfish", "selfish", {"persons":"- -","names":"00","nouns":"00","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["This was selfish of him", "selfish", "selfish", {"persons":"- -","names":"00","nouns":"00","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["She was tired and lazy", "lazy", "lazy", {"persons":"She:client - - -","names":"0000","nouns":"0000","linked":"She:client","object":"-","appositive":"-","of":"-","clause":"She:client","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["She's resistant to feedback, manipulative and lazy", "lazy", "lazy", {"persons":"She:client - - - - - -","names":"0000000","nouns":"0000000","linked":"She:client","object":"-","appositive":"-","of":"-","clause":"She:client","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["She was tired, lazy", "lazy", "lazy", {"persons":"She:client - -","names":"000","nouns":"000","linked":"She:client","object":"-","appositive":"-","of":"-","clause":"She:client","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["Tom, lazy", "lazy", "lazy", {"persons":"Tom:Tom","names":"1","nouns":"0","linked":"-","object":"-","appositive":"-","of":"-","clause":"Tom:Tom","coord":0,"coach":false,"self":false,"subject":"Tom:Tom"}],
  ["I was lazy", "lazy", "lazy", {"persons":"- -","names":"00","nouns":"00","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":1,"coach":true,"self":true,"subject":"-"}],
  ["We all know he is lazy", "lazy", "lazy", {"persons":"- - - he:client -","names":"00000","nouns":"00000","linked":"he:client","object":"-","appositive":"-","of":"-","clause":"-","coord":4,"coach":true,"self":true,"subject":"-"}],
  ["She is not lazy", "lazy", "lazy", {"persons":"She:client - -","names":"000","nouns":"000","linked":"-","object":"-","appositive":"-","of":"-","clause":"She:client","coord":2,"coach":false,"self":true,"subject":"-"}],
  ["Not her boss, lazy", "lazy", "lazy", {"persons":"- - boss:her boss","names":"000","nouns":"003","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":2,"coach":false,"self":false,"subject":"boss:her boss"}],
  ["Kofi's perfectionism is petty", "petty", "petty", {"persons":"- - - -","names":"0000","nouns":"0000","linked":"-","object":"-","appositive":"-","of":"-","clause":"-","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Her fear is petty", "petty", "petty", {"persons":"- Her:client:owned -","names":"000","nouns":"000","linked":"Her:client:owned","object":"-","appositive":"-","of":"-","clause":"Her:client:owned","coord":2,"coach":false,"self":false,"subject":"-"}],
  ["Her conduct in the meeting was petty", "petty", "petty", {"persons":"- Her:client:owned - - - -","names":"000000","nouns":"000000","linked":"Her:client:owned","object":"-","appositive":"-","of":"-","clause":"Her:client:owned","coord":5,"coach":false,"self":false,"subject":"Her:client:owned"}],
  ["The Jones family is lazy", "lazy", "lazy", {"persons":"- Jones:Jones family:the Jones family -","names":"0100","nouns":"0030","linked":"family:the Jones family","object":"-","appositive":"-","of":"-","clause":"Jones:Jones","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Ms Ng is lazy", "lazy", "lazy", {"persons":"Ms:Ms Ng Ng:Ms Ng -","names":"110","nouns":"000","linked":"Ng:Ms Ng","object":"-","appositive":"-","of":"-","clause":"Ms:Ms Ng","coord":2,"coach":false,"self":false,"subject":"-"}],
  ["Monday Tom is lazy", "lazy", "lazy", {"persons":"- Tom:Tom -","names":"010","nouns":"000","linked":"Tom:Tom","object":"-","appositive":"-","of":"-","clause":"-","coord":2,"coach":false,"self":false,"subject":"-"}],
  ["Anna and Ben are lazy", "lazy", "lazy", {"persons":"Anna:Anna - Ben:Ben -","names":"1010","nouns":"0000","linked":"Ben:Ben","object":"-","appositive":"-","of":"-","clause":"Anna:Anna","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Her direct report is lazy", "lazy", "lazy", {"persons":"- - report:her direct report -","names":"0000","nouns":"0030","linked":"report:her direct report","object":"-","appositive":"-","of":"-","clause":"report:her direct report","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Her direct reports are lazy", "lazy", "lazy", {"persons":"- - reports:her direct reports -","names":"0000","nouns":"0030","linked":"reports:her direct reports","object":"-","appositive":"-","of":"-","clause":"reports:her direct reports","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Aiko's project sponsor is lazy", "lazy", "lazy", {"persons":"- - - sponsor:Aiko's project sponsor -","names":"00000","nouns":"00030","linked":"sponsor:Aiko's project sponsor","object":"-","appositive":"-","of":"-","clause":"-","coord":4,"coach":false,"self":false,"subject":"-"}],
  ["The board meeting is lazy", "lazy", "lazy", {"persons":"- board:the board - -","names":"0000","nouns":"0300","linked":"-","object":"-","appositive":"-","of":"-","clause":"board:the board","coord":3,"coach":false,"self":false,"subject":"-"}],
  ["Bosses are lazy", "lazy", "lazy", {"persons":"Bosses:Bosses -","names":"00","nouns":"10","linked":"Bosses:Bosses","object":"-","appositive":"-","of":"-","clause":"Bosses:Bosses","coord":1,"coach":false,"self":false,"subject":"-"}],
  ["Her bosses are lazy", "lazy", "lazy", {"persons":"- bosses:her bosses -","names":"000","nouns":"010","linked":"bosses:her bosses","object":"-","appositive":"-","of":"-","clause":"bosses:her bosses","coord":2,"coach":false,"self":false,"subject":"-"}],
];

describe('coach:judgmental-language: whom a clause names', () => {
  let lexicon: JudgmentalLexicon;
  before(() => {
    lexicon = wordListsOnly().judgmental;
  });

  for (const [text, hit, phrase, read] of CASES) {
    it(`${text} ‹${hit}›`, () => {
      assert.deepEqual(reading(lexicon, text, hit, phrase), read);
    });
  }
});
