/**
 * A small HTML template tag for markup built outside Astro (form fragments shared by pages and
 * functions). Every interpolated value is escaped with escape-html unless it is itself an Html
 * fragment; arrays are joined. Only `raw` trusts a string, for markup this code produced.
 */
import escapeHtml from 'escape-html';

export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Marks markup this code built as safe. Never pass user input. */
export function raw(markup: string): Html {
  return new Html(markup);
}

export { escapeHtml };
