/** Common English words that say nothing about what a text is about. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing done down during each even ever every few for from further get gets got had has have having he her ' +
    'here hers herself him himself his how however i if in into is it its itself just last least less let like made make many may me ' +
    'might more most much must my myself never new no nor not now of off often on once one only or other our ours ourselves out over ' +
    'own per quite rather really said same say says see she should since so some still such than that the their theirs them themselves ' +
    'then there these they this those though through thus to too under until up upon us use used very via was we well were what when ' +
    'where whether which while who whom whose why will with within without would yet you your yours yourself yourselves'
  ).split(' ')
)
