import { useEffect, useState } from 'preact/hooks';
import type { Answers } from '../../shared/form/model.ts';
import type { Draft } from '../../store/drafts.ts';
import type { AttachedFile } from '../../store/evidence.ts';
import { useKey, useServices } from '../shell/services.ts';
import { useDrafts } from '../form/use-drafts.ts';
import { usePreviews } from './AttachedFileList.tsx';
import { evidenceText } from './content.ts';
import { dataUrlOf, smallerName } from './downscale.ts';
import { checkChosen, smallerByDefault, type ChosenFile } from './evidence-choice.ts';
import { formatBytes, freeSpace } from './file-size.ts';
import { useEvidenceFiles } from './use-evidence-files.ts';

const text = evidenceText;
/** Room kept free beyond a file's own size (encryption, the database's own bookkeeping). */
const HEADROOM = 1.05;

/** A photo attached on this visit, with what it was chosen as: it can change between original and smaller copy. */
interface Sizing {
  chosen: ChosenFile;
  smaller: boolean;
}

/** What is stored for a chosen file: the smaller copy (a JPEG) or the original. */
const variant = (chosen: ChosenFile, smaller: boolean) =>
  smaller && chosen.smaller ? { blob: chosen.smaller, name: smallerName(chosen.file.name), type: 'image/jpeg' as const } : { blob: chosen.file, name: chosen.file.name, type: chosen.type };

/**
 * A draft's evidence as a page works it: each chosen file checked, then stored encrypted a chunk at a
 * time as soon as it is chosen (leaving the page cannot drop it), its id saved in the draft's answers
 * (the journey then asks for a description); photos with thumbnails, and while the page is open, the
 * choice between a photo's original and its smaller copy.
 */
export function useDraftEvidence(draft: Draft) {
  const drafts = useDrafts();
  const answersWith = (list: readonly AttachedFile[]): Answers => ({ ...draft.answers, evidenceFiles: list.length > 0 ? list.map((file) => file.id) : undefined });
  const owned = useOwnedEvidence(draft.id, (list) => drafts.save(draft.id, { answers: { evidenceFiles: answersWith(list).evidenceFiles } }));
  return { ...owned, answersWith };
}

/**
 * The files of one owner (a draft, or an encounter's scene) as a page works them; `persist` records the
 * list once it changed (in the draft's answers, or by copying the scene's photos to its people).
 */
export function useOwnedEvidence(ownerId: string, persist: (list: AttachedFile[]) => Promise<void>) {
  const { db } = useServices();
  const key = useKey();
  const files_ = useEvidenceFiles();
  const { previews, add: addPreview, drawStored } = usePreviews(db, key);
  const [files, setFiles] = useState<AttachedFile[] | undefined>(undefined);
  const [sizing, setSizing] = useState<Record<string, Sizing>>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [free, setFree] = useState<number | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void files_.list(ownerId).then(async (listed) => {
      if (!live) return;
      setFiles(listed);
      await drawStored(listed, () => live);
    });
    void freeSpace().then(setFree);
    return () => {
      live = false;
    };
  }, [files_, ownerId]);

  const remember = async (list: AttachedFile[]) => {
    setFiles(list);
    await persist(list);
    setFree(await freeSpace());
  };

  const refuse = (messages: string[]) => {
    setErrors(messages);
    if (messages.length > 0) setAttempt((n) => n + 1);
  };

  const choose = async (input: HTMLInputElement) => {
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    if (chosen.length === 0 || !files) return;
    setBusy(true);
    setStatus(text.adding(chosen.length));
    const { accepted, refusals } = await checkChosen(chosen, files.length);
    let list = files;
    let room = free;
    for (const item of accepted) {
      const smaller = smallerByDefault(item);
      const { blob, name, type } = variant(item, smaller);
      if (room !== undefined && blob.size * HEADROOM > room) {
        refusals.push(text.refusal.space(item.file.name, formatBytes(room)));
        continue;
      }
      try {
        const stored = await files_.attach(ownerId, blob, name, type);
        list = [...list, stored];
        if (room !== undefined) room -= blob.size * HEADROOM;
        if (item.thumbnail) addPreview(stored.id, await dataUrlOf(item.thumbnail));
        if (item.smaller) setSizing((known) => ({ ...known, [stored.id]: { chosen: item, smaller } }));
      } catch {
        refusals.push(text.refusal.failed(item.file.name));
      }
    }
    await remember(list);
    refuse(refusals);
    setStatus(text.attached(list.length));
    setBusy(false);
  };

  /** Swaps a photo attached on this visit for its other size, in the same place in the list. */
  const resize = async (file: AttachedFile) => {
    const known = sizing[file.id];
    if (!files || !known) return;
    setBusy(true);
    const { blob, name, type } = variant(known.chosen, !known.smaller);
    try {
      const stored = await files_.attach(ownerId, blob, name, type);
      await files_.remove(file.id);
      await remember(files.map((each) => (each.id === file.id ? stored : each)));
      addPreview(stored.id, previews[file.id]);
      setSizing((all) => {
        const next = { ...all, [stored.id]: { chosen: known.chosen, smaller: !known.smaller } };
        delete next[file.id];
        return next;
      });
      setStatus(text.sizeChanged(stored.name, formatBytes(stored.size)));
      refuse([]);
    } catch {
      refuse([text.refusal.failed(known.chosen.file.name)]);
    }
    setBusy(false);
  };

  const remove = async (file: AttachedFile) => {
    if (!files) return;
    await files_.remove(file.id);
    await remember(files.filter((kept) => kept.id !== file.id));
    setStatus(text.removed(file.name));
  };

  return { files, previews, sizing, errors, attempt, status, busy, free, choose, resize, remove };
}
