/** How a page was reached: along the form, from check your answers, or to rename a draft from the list. */
export type PageMode = 'walk' | 'change' | 'rename';

export function pageMode(search: URLSearchParams): PageMode {
  return search.has('rename') ? 'rename' : search.has('change') ? 'change' : 'walk';
}
