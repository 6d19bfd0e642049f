/** The names of the `:params` in a path template of API_PATHS, e.g. 'id' | 'fileId' | 'index'. */
export type PathParamNames<Template extends string> = Template extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : Template extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<Template extends string> = Record<PathParamNames<Template>, string | number>;

/**
 * A path of API_PATHS with its `:params` filled in (each encoded as one path segment), and the query if
 * any: exactly the request target a device signs and the server checks (`url.pathname + url.search`).
 */
export function apiPath<Template extends string>(template: Template, params: PathParams<Template>, query?: URLSearchParams): string {
  const values: Record<string, string | number> = params;
  const path = template.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${template}`);
    return encodeURIComponent(String(value));
  });
  const search = query?.toString();
  return search ? `${path}?${search}` : path;
}
