/**
 * Wordy phrases and the shorter words that can stand in for them in any sentence. Drawn in part
 * from retext-simplify's list, keeping only entries whose replacement needs no rephrasing
 * (its "accomplish → carry out, do" kind need a writer's judgement). Verb phrases list each
 * inflection so the replacement agrees with the sentence.
 */
export const WORDY_PHRASES: ReadonlyArray<readonly [wordy: string, concise: string]> = [
  // Because, although, if
  ['due to the fact that', 'because'],
  ['owing to the fact that', 'because'],
  ['in light of the fact that', 'because'],
  ['in view of the fact that', 'because'],
  ['on account of the fact that', 'because'],
  ['on the grounds that', 'because'],
  ['for the reason that', 'because'],
  ['despite the fact that', 'although'],
  ['in spite of the fact that', 'although'],
  ['regardless of the fact that', 'although'],
  ['in the event that', 'if'],
  ['in spite of', 'despite'],
  // Purpose and means
  ['in order to', 'to'],
  ['in order for', 'for'],
  ['so as to', 'to'],
  ['for the purpose of', 'for'],
  ['for the purposes of', 'for'],
  ['by means of', 'by'],
  ['with the exception of', 'except'],
  ['in the absence of', 'without'],
  ['with regard to', 'about'],
  ['with regards to', 'about'],
  ['in regard to', 'about'],
  ['with reference to', 'about'],
  ['as to whether', 'whether'],
  ['whether or not', 'whether'],
  // Time
  ['at this point in time', 'now'],
  ['at this moment in time', 'now'],
  ['at the present time', 'now'],
  ['at the present moment', 'now'],
  ['at that point in time', 'then'],
  ['in the near future', 'soon'],
  ['at a later date', 'later'],
  ['at all times', 'always'],
  ['prior to', 'before'],
  ['subsequent to', 'after'],
  ['until such time as', 'until'],
  ['during the course of', 'during'],
  ['in the course of', 'during'],
  ['over the course of', 'during'],
  ['in a timely manner', 'promptly'],
  ['on a daily basis', 'daily'],
  ['on a weekly basis', 'weekly'],
  ['on a monthly basis', 'monthly'],
  ['on a yearly basis', 'yearly'],
  ['on an annual basis', 'annually'],
  ['on a regular basis', 'regularly'],
  ['period of time', 'period'],
  // Quantity and place
  ['in the majority of cases', 'usually'],
  ['in excess of', 'more than'],
  ['all of the', 'all the'],
  ['each and every', 'every'],
  ['every single', 'every'],
  ['any and all', 'all'],
  ['in close proximity to', 'near'],
  ['in the vicinity of', 'near'],
  // Ability, need and habit
  ['has the ability to', 'can'],
  ['have the ability to', 'can'],
  ['had the ability to', 'could'],
  ['has the capacity to', 'can'],
  ['have the capacity to', 'can'],
  ['is able to', 'can'],
  ['are able to', 'can'],
  ['is in need of', 'needs'],
  ['are in need of', 'need'],
  ['has a tendency to', 'tends to'],
  ['have a tendency to', 'tend to'],
  // Nouns doing a verb's job
  ['make a decision', 'decide'],
  ['makes a decision', 'decides'],
  ['made a decision', 'decided'],
  ['making a decision', 'deciding'],
  ['come to a conclusion', 'conclude'],
  ['comes to a conclusion', 'concludes'],
  ['came to a conclusion', 'concluded'],
  ['coming to a conclusion', 'concluding'],
  ['make use of', 'use'],
  ['makes use of', 'uses'],
  ['made use of', 'used'],
  ['making use of', 'using'],
  ['give consideration to', 'consider'],
  ['gives consideration to', 'considers'],
  ['gave consideration to', 'considered'],
  ['giving consideration to', 'considering'],
  ['utilize', 'use'],
  ['utilizes', 'uses'],
  ['utilized', 'used'],
  ['utilizing', 'using'],
  ['utilise', 'use'],
  ['utilises', 'uses'],
  ['utilised', 'used'],
  ['utilising', 'using'],
  ['commence', 'start'],
  ['commences', 'starts'],
  ['commenced', 'started'],
  ['commencing', 'starting'],
  ['referred to as', 'called'],
  // Saying things twice
  ['first and foremost', 'first'],
  ['one and the same', 'the same'],
  ['full and complete', 'complete'],
  ['null and void', 'void'],
  ['true and accurate', 'accurate'],
  ['unless and until', 'until'],
  ['basic fundamentals', 'fundamentals'],
  ['end result', 'result'],
  ['final outcome', 'outcome'],
  ['past history', 'history'],
  ['future plans', 'plans'],
  ['advance planning', 'planning'],
  ['added bonus', 'bonus'],
  ['free gift', 'gift'],
  ['unexpected surprise', 'surprise'],
  ['true facts', 'facts'],
  ['new innovation', 'innovation'],
  ['new innovations', 'innovations'],
  ['completely finished', 'finished'],
  ['absolutely essential', 'essential'],
  ['close proximity', 'proximity'],
  ['join together', 'join'],
  ['combine together', 'combine'],
  ['merge together', 'merge'],
  ['collaborate together', 'collaborate'],
  ['repeat again', 'repeat'],
  ['return back', 'return'],
  ['revert back', 'revert'],
  ['refer back', 'refer'],
  ['still remains', 'remains'],
  ['as a matter of fact', 'in fact'],
  ['for all intents and purposes', 'in effect']
]

/**
 * Quantities that replace a whole "… of" phrase, so they only fit before a bare noun:
 * "a number of people" → "several people", but "a number of the people" stays.
 */
export const QUANTITY_PHRASES: ReadonlyArray<readonly [wordy: string, concise: string]> = [
  ['a large number of', 'many'],
  ['a great number of', 'many'],
  ['a small number of', 'a few'],
  ['a sufficient number of', 'enough'],
  ['an adequate number of', 'enough'],
  ['a number of', 'several'],
  ['the majority of', 'most'],
  ['a majority of', 'most']
]

/** Words after which a quantity phrase keeps its "of". */
export const DETERMINERS: readonly string[] = ['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'them', 'us', 'you', 'which', 'whom', 'it']

/**
 * Words and openers that carry no meaning and can simply go; a comma pair around them goes too
 * ("It is, basically, done" → "It is done").
 */
export const FILLERS: readonly string[] = [
  'basically',
  'actually',
  'essentially',
  'literally',
  'needless to say',
  'it goes without saying that',
  'it is important to note that',
  'it is worth noting that',
  'it is worth mentioning that',
  'it should be noted that',
  'the fact of the matter is that',
  'in the process of',
  'a total of'
]

/** Intensifiers dropped before the word they intensify ("very important" → "important"). */
export const INTENSIFIERS: readonly string[] = ['very', 'really', 'extremely', 'truly', 'totally', 'incredibly']

/**
 * An intensifier stays after these words (and after "n't"): negation flips it ("not very good"
 * is not "not good") and after a determiner "very" is an adjective ("the very end").
 */
export const KEEP_INTENSIFIER_AFTER: readonly string[] = ['not', 'never', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']

/** An intensifier stays before these words, where it is part of a fixed phrase ("very much", "very well"). */
export const KEEP_INTENSIFIER_BEFORE: readonly string[] = ['much', 'many', 'few', 'little', 'well', 'own', 'same', 'first', 'last', 'best', 'least', 'most']
