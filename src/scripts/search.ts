/**
 * Search page enhancement: loads Pagefind's index for the page's language and lists results.
 * Results are built with DOM methods (no innerHTML) except Pagefind's excerpt, which Pagefind
 * escapes itself and marks matches with <mark>.
 */
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#search');
  const input = document.querySelector<HTMLInputElement>('#q');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !input || !status || !list) return;
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Record<'loading' | 'none' | 'results' | 'error', string>;
  form.hidden = false;

  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    // A path in a variable keeps the bundler from resolving Pagefind, which exists only after the build.
    const url = '/pagefind/pagefind.js';
    pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ baseUrl: '/' });
      return pf;
    });
    return pagefind;
  };

  const run = async (term: string) => {
    list.replaceChildren();
    if (!term.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = messages.loading;
    try {
      const pf = await load();
      // Pagefind picks the index of the page's <html lang>, so results stay in the reader's language.
      const search = await pf.search(term);
      const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
      status.textContent = results.length === 0 ? messages.none : `${results.length} ${messages.results}`;
      for (const result of results) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = result.url;
        link.textContent = result.meta.title ?? result.url;
        const excerpt = document.createElement('p');
        excerpt.innerHTML = result.excerpt;
        item.append(link, excerpt);
        list.append(item);
      }
    } catch {
      status.textContent = messages.error;
    }
  };

  const params = new URLSearchParams(location.search);
  const initial = params.get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const term = input.value;
    history.replaceState(null, '', `?q=${encodeURIComponent(term)}`);
    void run(term);
  });
}
