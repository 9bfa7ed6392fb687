/** `tracuu tasks [--assignee …] [--document …] [--due-before …] [--overdue] [--json|--csv|--ics]`: who must do what, by when. */
import { command, parse, UsageError } from '../args.ts';
import { openCorpus, OPEN_OPTIONS, requireDocument } from '../open.ts';
import { deadlineLabel, tasksToCsv, tasksToIcs } from '../../src/tasks/index.ts';
import type { TaskView } from '../../src/model.ts';

const USAGE = `usage: tracuu tasks [options]

Tasks found in every clause: who leads, who takes part, what, and by when.

  --assignee <body>      a body, any spelling ("So Noi vu", "Đảng uỷ Chính phủ", "so-noi-vu")
  --document <id|number> one document (repeatable): 202-KL/TW, 183-kl-tw
  --series <id|number>   every document of a conclusion's series
  --due-before <date>    deadline on or before YYYY-MM-DD
  --due-after <date>     deadline on or after YYYY-MM-DD
  --overdue              only tasks whose deadline has passed (on --as-of, default today)
  --as-of <date>         the day "overdue" is judged on
  --json | --csv | --ics output as JSON, CSV (for spreadsheets) or iCalendar
  --base-url <url>       where the pages are, for links in CSV and iCalendar (default http://localhost:3000)`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values } = parse(
      args,
      {
        assignee: { type: 'string' },
        document: { type: 'string', multiple: true },
        series: { type: 'string' },
        'due-before': { type: 'string' },
        'due-after': { type: 'string' },
        overdue: { type: 'boolean' },
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        ics: { type: 'boolean' },
        'base-url': { type: 'string' },
        ...OPEN_OPTIONS,
      },
      USAGE,
    );
    if (values.help) return (console.log(USAGE), 0);
    for (const k of ['due-before', 'due-after', 'as-of'] as const) if (values[k] !== undefined && !DATE.test(values[k]!)) throw new UsageError(`--${k} must be a date written YYYY-MM-DD\n\n${USAGE}`);
    if ([values.json, values.csv, values.ics].filter(Boolean).length > 1) throw new UsageError(`choose one of --json, --csv, --ics\n\n${USAGE}`);
    const corpus = await openCorpus(values);
    // The clock is read here, at the edge.
    const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
    let documents = (values.document ?? []).map((d) => requireDocument(corpus, d));
    if (values.series) {
      const series = corpus.graph.seriesOf(requireDocument(corpus, values.series));
      if (!series) throw new UsageError(`${values.series} belongs to no series`);
      documents = documents.length ? documents.filter((d) => series.members.includes(d)) : series.members;
    }
    const tasks = corpus.tasks.query({
      ...(values.assignee ? { assignee: values.assignee } : {}),
      ...(documents.length ? { documents } : {}),
      ...(values['due-before'] ? { dueBefore: values['due-before'] } : {}),
      ...(values['due-after'] ? { dueAfter: values['due-after'] } : {}),
      ...(values.overdue ? { overdue: true, asOf } : {}),
    });
    const views = tasks.map((t) => corpus.tasks.view(t, asOf));
    const base = (values['base-url'] ?? 'http://localhost:3000').replace(/\/+$/, '');
    if (values.json) return (console.log(JSON.stringify({ total: views.length, asOf, tasks: views }, null, 2)), 0);
    if (values.csv) return (process.stdout.write(tasksToCsv(views, base)), 0);
    if (values.ics) return (process.stdout.write(tasksToIcs(views, { baseUrl: base, stamp: corpus.artifact.builtAt })), 0);
    for (const v of views) console.log(format(v));
    const overdue = views.filter((v) => v.overdue).length;
    console.log(`\n${views.length} tasks${overdue ? `, ${overdue} overdue on ${asOf}` : ''}`);
    return 0;
  });
}

function format(v: TaskView): string {
  const due = deadlineLabel(v.deadline);
  const doc = [v.document.number ?? v.docId, v.clausePath].join(' ');
  const who = v.lead.map((a) => a.name).join('; ') || '(chưa rõ)';
  const head = `${(due ?? '—').padEnd(14)} ${v.overdue ? 'QUÁ HẠN ' : ''}${doc}  ${who}${v.assignees === 'inferred' ? ' (suy ra)' : ''}${v.partners.length ? `  + ${v.partners.map((a) => a.name).join('; ')}` : ''}`;
  const action = v.action.text.replace(/\s+/g, ' ');
  const lines = [head, `    ${action.length > 110 ? `${action.slice(0, 110)}…` : action}`, `    ${v.id}`];
  for (const l of v.links) lines.push(`    ${l.kind === 'repeats' ? (l.direction === 'earlier' ? 'nhắc lại từ' : 'được nhắc lại tại') : l.direction === 'earlier' ? 'thực hiện' : 'được thực hiện bởi'} ${l.other.number ?? l.other.docId} ${l.other.clausePath}${l.deadlineChange ? `, thời hạn ${l.deadlineChange.from ?? '—'} → ${l.deadlineChange.to ?? '—'}` : ''}`);
  return lines.join('\n');
}
