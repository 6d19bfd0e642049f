import { pathOf, resumePlace } from '../../shared/form/journey.ts';
import { CHECK, type Answers } from '../../shared/form/model.ts';
import { taskProgress, type TaskProgress } from '../../shared/form/progress.ts';
import type { Draft } from '../../store/drafts.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Link, followInApp } from '../shell/Link.tsx';
import { paths } from '../shell/routes.ts';
import { checkContent } from './check-content.ts';
import { sectionsContent as text } from './sections-content.ts';

function Status({ task, id }: { task: TaskProgress; id: string }) {
  const words = text.status[task.status];
  const tag = task.status === 'in-progress' ? 'govuk-tag govuk-tag--light-blue' : task.status === 'not-started' ? 'govuk-tag govuk-tag--blue' : undefined;
  const grey = task.status === 'cannot-start' || task.status === 'optional';
  return (
    <div class={`govuk-task-list__status${grey ? ' govuk-task-list__status--cannot-start-yet' : ''}`} id={id}>
      {tag ? <strong class={tag}>{words}</strong> : words}
    </div>
  );
}

function left(task: TaskProgress): string {
  if (task.status === 'cannot-start') return text.left.waitsForPath;
  if (task.status === 'not-started' || task.status === 'optional') return text.left.questions(task.pages.length);
  return text.left.answered(task.answered, task.pages.length);
}

/**
 * The referral's sections as a GOV.UK task list: each with its status, what is left of it and a link
 * to its first question still to answer, so that the account can be taken down in the order the
 * person tells it. Reached from every question ("All sections") and from a draft on the start page.
 */
export function TaskListPage({ draft }: { draft: Draft }) {
  const answers: Answers = { caseLabel: draft.caseLabel, ...draft.answers };
  const tasks = taskProgress(answers);
  const done = tasks.filter((task) => task.status === 'completed' || task.status === 'optional').length;
  const resume = resumePlace(answers);
  const path = pathOf(answers);
  return (
    <>
      <BackLink href={paths.home} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l app-break-words">{draft.caseLabel}</span>
          <h1 class="govuk-heading-l">{text.heading}</h1>
          {path ? <p class="govuk-body">{checkContent.check.pathSummary[path]}</p> : null}
          <p class="govuk-body">{text.completedCount(done, tasks.length)}</p>
          <p class="govuk-body">{text.anyOrder}</p>
          <ul class="govuk-task-list" data-testid="task-list">
            {tasks.map((task) => {
              const hintId = `${task.id}-hint`;
              const statusId = `${task.id}-status`;
              const linked = task.start !== undefined;
              return (
                <li key={task.id} class={`govuk-task-list__item${linked ? ' govuk-task-list__item--with-link' : ''}`} data-task={task.id}>
                  <div class="govuk-task-list__name-and-hint">
                    {task.start ? (
                      <a href={paths.step(draft.id, task.start.id)} class="govuk-link govuk-task-list__link" aria-describedby={`${hintId} ${statusId}`} onClick={followInApp(paths.step(draft.id, task.start.id))}>
                        {task.title}
                      </a>
                    ) : (
                      <div>{task.title}</div>
                    )}
                    <div class="govuk-task-list__hint" id={hintId}>
                      {left(task)}
                    </div>
                  </div>
                  <Status task={task} id={statusId} />
                </li>
              );
            })}
          </ul>
          {resume === CHECK ? (
            <Link href={paths.check(draft.id)} class="govuk-button">
              {text.check}
            </Link>
          ) : (
            <Link href={paths.step(draft.id, resume)} class="govuk-button">
              {text.continue}
            </Link>
          )}
        </div>
      </div>
    </>
  );
}
