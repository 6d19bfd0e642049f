import { useEffect, useState } from 'preact/hooks';
import type { FieldDef } from '../../shared/form/model.ts';
import { profileFields, type ResponderProfile } from '../../shared/form/responder-profile.ts';
import { Button, ButtonGroup } from '../../govuk/Button.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import type { ProfileForm as ProfileFormComponent } from './ProfileForm.tsx';
import { profileContent } from '../form/profile-content.ts';
import { useResponderProfile } from '../form/use-responder-profile.ts';

const text = profileContent;
type ProfileFormView = typeof ProfileFormComponent;

/**
 * The form's question machinery (type-ahead, lists, rules), loaded only when the details are changed,
 * from the chunk of the form's own pages: a chunk of its own (or lazyScreen here) would split shared
 * modules out of the first load's chunk, which costs the first-load budget some hundreds of bytes.
 */
const loadForm = (): Promise<ProfileFormView> => import('../form/DraftPage.tsx').then((m) => m.ProfileForm);

/** A saved answer as it was chosen: an option's label, or the words typed (answer-summary.ts would bring the whole summary machinery into Settings' chunk). */
const inWords = (def: FieldDef, value: string | undefined) => (value === undefined ? '' : (def.options?.find((option) => option.value === value)?.label ?? value));

/** The responder's saved details in Settings: read back, changed or added on one page, or deleted. */
export function ProfileSetting() {
  const [state, store] = useResponderProfile();
  const [profile, setProfile] = useState<ResponderProfile | undefined>(undefined);
  const [Editor, setEditor] = useState<ProfileFormView | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [said, setSaid] = useState('');
  useEffect(() => setProfile(state?.profile), [state]);
  if (state === undefined) return null;

  const save = async (next: ResponderProfile) => {
    await store.save(next);
    setProfile(next);
    setEditing(false);
    setSaid(text.settingsSaved);
  };
  const forget = async () => {
    await store.forget();
    setProfile(undefined);
    setSaid(text.settingsForgotten);
  };
  const rows = profileFields.map((def) => ({ key: text.rowKeys[def.name] ?? def.label, id: def.name, value: inWords(def, profile?.[def.name]), valueClass: 'app-break-words' }));
  return (
    <section aria-labelledby="profile-heading">
      <h2 class="govuk-heading-m" id="profile-heading">
        {text.settingsHeading}
      </h2>
      <p class="govuk-body">{profile ? text.settingsLead : text.settingsNone}</p>
      {said ? (
        <p class="govuk-body govuk-!-font-weight-bold" role="status">
          {said}
        </p>
      ) : null}
      {editing && Editor ? (
        <Editor initial={{ ...profile }} onSaved={save} onCancel={() => setEditing(false)} />
      ) : (
        <>
          {profile ? <SummaryList rows={rows} data-testid="saved-details" /> : null}
          <ButtonGroup>
            <Button
              secondary
              onClick={() =>
                void loadForm().then((form) => {
                  setEditor(() => form);
                  setEditing(true);
                })
              }
            >
              {profile ? text.settingsChange : text.settingsAdd}
            </Button>
            {profile ? (
              <Button secondary onClick={() => void forget()}>
                {text.settingsForget}
              </Button>
            ) : null}
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
