// Passages shortened for one line of a view: whitespace collapsed, cut with an ellipsis.
export function excerpt(text: string, max = 100): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
