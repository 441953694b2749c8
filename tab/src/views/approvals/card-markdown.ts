/** The little Markdown the cards use (bold, links, bullet lists), turned into safe HTML. Everything
 * is escaped first, so text from a card can never become markup. */

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function renderInline(escaped: string): string {
  return escaped
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
}

/** Card Markdown separates list items with a carriage return or a newline. */
export function renderCardMarkdown(text: string): string {
  const lines = escapeHtml(text).split(/\r\n|\r|\n/);
  const isList = lines.length > 0 && lines.every((line) => /^- /.test(line));
  if (isList) return `<ul>${lines.map((line) => `<li>${renderInline(line.slice(2))}</li>`).join("")}</ul>`;
  return lines.map(renderInline).join("<br>");
}
