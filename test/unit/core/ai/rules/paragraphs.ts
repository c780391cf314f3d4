/** Realistic passages a writer might select, shared by the rule-based help tests. */

export const WORDY_UPDATE =
  'In order to ship the redesign on time, the team really needs to make a decision about the navigation. ' +
  'Due to the fact that a number of customers have complained, it is important to note that the current menu is very confusing. ' +
  'At this point in time, we are basically waiting for feedback.'

export const REMOTE_WORK =
  'Remote work has changed how small teams plan their weeks. When the office closed in 2020, our design studio moved every meeting online. ' +
  'At first, remote work felt like a temporary fix. Over time, the team learned to write decisions down instead of talking them through. ' +
  'Written decisions made onboarding faster, because new designers could read the history of a project. ' +
  'The biggest cost of remote work was the loss of casual conversation. We now meet in person once a month to keep those conversations alive. ' +
  'Remote work is not for everyone, but for us it has been worth it.'

export const LIBRARY_NEWS =
  'The city council approved a new budget for public libraries on Tuesday. ' +
  'Library hours will be extended on weekends, and three branches will reopen after renovation. ' +
  'Council members said the decision reflects strong demand from families and students. ' +
  'Public libraries saw record attendance last year. Critics argued the money could have gone to road repairs.'

export const E_READER_REVIEW =
  'Battery life is the reason most readers buy this e-reader. ' +
  "The new model lasts six weeks on a single charge, twice as long as last year's battery. " +
  'Reading at full brightness cuts battery life to about three weeks. ' +
  'The weather was pleasant on the day of the launch. ' +
  'Charging the battery from empty takes under two hours with the bundled cable. ' +
  'The case comes in three colours. ' +
  'Owners of the old model can swap the battery at any repair shop. ' +
  'Several journalists attended the event in Berlin. ' +
  'A battery that lasts this long changes how often readers think about charging at all.'

/** About 5,000 words of mixed prose. */
export const LONG_TEXT = Array.from({ length: 16 }, (_, index) =>
  [WORDY_UPDATE, REMOTE_WORK, LIBRARY_NEWS, E_READER_REVIEW, `Part ${index + 1} ends here, and its raining again.`].join('\n\n')
).join('\n\n')
