/**
 * Tasks and deadlines: who must do what, by when — found in each clause (patterns and bodies
 * as data), linked across documents (asked again in a later conclusion; carried out by a
 * provincial instruction), exported as CSV and iCalendar.
 */
export type { BodyEntry, NormalisedBody } from './bodies.ts';
export { BODIES, ABBREVIATIONS, normaliseBody, keyOf } from './bodies.ts';
export type { DeadlinePattern, DeadlineContext, FoundDeadline } from './deadlines.ts';
export { DEADLINE_PATTERNS, findDeadlines, chooseDeadline } from './deadlines.ts';
export type { TaskPattern, TaskExpectation } from './patterns.ts';
export { TASK_PATTERNS, ACTION_WORDS } from './patterns.ts';
export type { FoundTask, ExtractOptions } from './extract.ts';
export { extractTasks, findTasksInText } from './extract.ts';
export { linkTasks, actionSimilarity, deadlineLabel } from './link.ts';
export type { TaskQuery } from './task-index.ts';
export { TaskIndex, isOverdue } from './task-index.ts';
export type { IcsOptions } from './export.ts';
export { tasksToCsv, tasksToIcs, escapeText, foldLine, recurrence, clauseUrl, CSV_COLUMNS } from './export.ts';
