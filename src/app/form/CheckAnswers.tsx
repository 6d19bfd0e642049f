import { useState } from 'preact/hooks';
import { pathOf, walk } from '../../shared/form/journey.ts';
import type { AnswerValue, Answers, FieldDef, PageDef, SectionId } from '../../shared/form/model.ts';
import { filled, visibleFields } from '../../shared/form/page-schema.ts';
import type { Draft } from '../../store/drafts.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { Link } from '../shell/Link.tsx';
import { evidenceText } from '../evidence/content.ts';
import { formatDate } from '../shell/format.ts';
import { navigate, paths } from '../shell/routes.ts';
import { sendDraft } from '../outbox/send-referral.ts';
import { useKey, useServices } from '../shell/services.ts';
import { outboxContent } from '../outbox/content.ts';
import { formContent } from './content.ts';
import { checkContent } from './check-content.ts';
import { SummaryList, type SummaryListRow } from '../../govuk/SummaryList.tsx';

const text = checkContent.check;

/** An answer as the responder chose it: option labels, not codes; a date in words. */
function shown(def: FieldDef, raw: AnswerValue | undefined): string | undefined {
  const value = filled(raw);
  if (value === undefined) return undefined;
  const label = (entry: string) => def.options?.find((option) => option.value === entry)?.label ?? entry;
  if (def.kind === 'files') return evidenceText.count(typeof value === 'string' ? 1 : value.length);
  if (typeof value !== 'string') return value.map(label).join('\n');
  if (def.kind === 'confirm') return text.confirmed;
  if (def.kind === 'date') {
    const [year, month, day] = value.split('-').map(Number);
    return formatDate(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)));
  }
  return label(value);
}

/** One answer, with a Change link back to its page (a change there returns here). */
function row(id: string, label: string, value: string | undefined, href: string): SummaryListRow {
  return {
    id,
    key: label,
    value: value || <span class="govuk-hint">{text.notAnswered}</span>,
    valueClass: 'app-pre-wrap',
    actions: (
      <Link href={href}>
        {text.change}
        <span class="govuk-visually-hidden"> {label.toLowerCase()}</span>
      </Link>
    ),
  };
}

function bySection(pages: readonly PageDef[]): [SectionId, PageDef[]][] {
  const sections = new Map<SectionId, PageDef[]>();
  for (const page of pages) sections.set(page.section, [...(sections.get(page.section) ?? []), page]);
  return [...sections];
}

export function CheckAnswers({ draft }: { draft: Draft }) {
  const services = useServices();
  const key = useKey();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [sending, setSending] = useState(false);
  const answers: Answers = { caseLabel: draft.caseLabel, ...draft.answers };
  const { done } = walk(answers);
  const path = pathOf(answers);
  const askedOn = (name: string) => done.find((page) => page.fields.some((def) => def.name === name))?.id ?? 'case-label';

  const submit = async () => {
    if (sending) return;
    setSending(true);
    try {
      const result = await sendDraft(services, key, draft);
      if (result.kind === 'queued') {
        navigate(paths.sent(draft.id, path === 'dtn'), { replace: true });
        return;
      }
      setErrors(
        result.kind === 'no-key'
          ? [{ href: '#submit', message: outboxContent.noIntakeKey }]
          : result.errors.map((problem) => ({ href: paths.step(draft.id, askedOn(problem.path.split('.')[0] ?? ''), true), message: problem.message })),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <BackLink href={paths.step(draft.id, done[done.length - 1]?.id ?? 'case-label')} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">{path === 'dtn' ? text.titleDtn : text.title}</h1>
          <div class="govuk-inset-text">{path ? text.pathSummary[path] : null}</div>
          {bySection(done).map(([section, pages]) => (
            <div key={section}>
              <h2 class="govuk-heading-m">{formContent.sections[section]}</h2>
              <SummaryList
                class="govuk-!-margin-bottom-9"
                rows={pages.flatMap((page) =>
                  page.deviceOnly
                    ? [row('caseLabel', text.caseLabel, draft.caseLabel, paths.step(draft.id, page.id, true))]
                    : visibleFields(page, answers).map((def) => row(def.name, def.label.replace(/ \(optional\)$/, ''), shown(def, answers[def.name]), paths.step(draft.id, page.id, true))),
                )}
              />
            </div>
          ))}
          <h2 class="govuk-heading-m">{text.sendHeading}</h2>
          <p class="govuk-body">{text.declaration}</p>
          <button id="submit" type="button" class="govuk-button" data-module="govuk-button" disabled={sending} aria-disabled={sending} onClick={() => void submit()}>
            {path === 'dtn' ? text.submitDtn : text.submit}
          </button>
        </div>
      </div>
    </>
  );
}
