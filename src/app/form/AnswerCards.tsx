import { useState } from 'preact/hooks';
import type { AnswerRow, AnswerSection } from '../../shared/form/answer-summary.ts';
import { taskSectionOf, type TaskSection } from '../../shared/form/task-sections.ts';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { answerRow } from './answer-row.tsx';
import { checkContent } from './check-content.ts';

const text = checkContent.check;

interface Card {
  task: TaskSection;
  rows: AnswerRow[];
}

/** The form's sections gathered as the task list gathers them: one card each, in the journey's order. */
function cardsOf(sections: readonly AnswerSection[]): Card[] {
  const cards: Card[] = [];
  for (const section of sections) {
    const task = taskSectionOf(section.section);
    if (!task) continue;
    const card = cards.find((entry) => entry.task === task);
    if (card) card.rows.push(...section.rows);
    else cards.push({ task, rows: [...section.rows] });
  }
  return cards;
}

function AnswerCard({ draftId, card, startOpen }: { draftId: string; card: Card; startOpen: boolean }) {
  // Until the responder folds or opens it, a card follows what the screen says (opened by a refusal).
  const [chosen, setChosen] = useState<boolean | undefined>(undefined);
  const open = chosen ?? startOpen;
  const { task, rows } = card;
  const contentId = `card-${task.id}`;
  const answered = rows.filter((row) => row.value !== undefined).length;
  return (
    <div class={`govuk-summary-card${open ? '' : ' app-card--folded'}`} data-card={task.id}>
      <div class="govuk-summary-card__title-wrapper">
        <h2 class="govuk-summary-card__title">
          {task.title}
          {open ? null : <span class="govuk-!-font-weight-regular"> — {text.answers(answered)}</span>}
        </h2>
        <ul class="govuk-summary-card__actions">
          <li class="govuk-summary-card__action">
            {/* Shown, each answer has its own Change link. */}
            <button type="button" class="govuk-link app-link-button app-link-button--plain" aria-expanded={open} aria-controls={contentId} onClick={() => setChosen(!open)}>
              {open ? text.hide : text.show}
              <span class="govuk-visually-hidden"> {task.title.toLowerCase()}</span>
            </button>
          </li>
        </ul>
      </div>
      <div class="govuk-summary-card__content" id={contentId} hidden={!open}>
        <SummaryList rows={rows.map((row) => answerRow(draftId, row, row.value ?? <span class="govuk-hint">{text.notAnswered}</span>, text.change))} />
      </div>
    </div>
  );
}

/**
 * Check your answers as GOV.UK summary cards, one per section of the task list. A complete section
 * is folded to its title and how many answers it holds, so that "Accept and send" is a few screens
 * from the top; one the server refused an answer of (`openPages`) opens.
 */
export function AnswerCards({ draftId, sections, openPages }: { draftId: string; sections: readonly AnswerSection[]; openPages: readonly string[] }) {
  return (
    <>
      {cardsOf(sections).map((card) => (
        <AnswerCard key={card.task.id} draftId={draftId} card={card} startOpen={card.rows.some((row) => openPages.includes(row.pageId))} />
      ))}
    </>
  );
}
