import type { Block } from './report-document.js';

export type ReportFormat = 'md' | 'html';

export function renderReport(blocks: readonly Block[], format: ReportFormat): string {
  return format === 'md' ? toMarkdown(blocks) : toHtml(blocks);
}

/** Markdown; the chart is embedded as an SVG data URI so the file stays self-contained. */
function toMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(markdownBlock).join('\n\n')}\n`;
}

function markdownBlock(block: Block): string {
  const text = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
  switch (block.kind) {
    case 'title':
      return `# ${text(block.text)}`;
    case 'heading':
      return `## ${text(block.text)}`;
    case 'paragraph':
      return text(block.text);
    case 'list':
      return block.items.map((item) => `- ${text(item)}`).join('\n');
    case 'table':
      return [
        `| ${block.headers.map(text).join(' | ')} |`,
        `|${block.headers.map(() => ' --- |').join('')}`,
        ...block.rows.map((row) => `| ${row.map(text).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      return `![Progress chart](data:image/svg+xml;base64,${Buffer.from(block.svg).toString('base64')})`;
  }
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
.chart { overflow-x: auto; }
`;

/** One HTML file with its style and the chart inline: nothing is fetched when it is opened. */
function toHtml(blocks: readonly Block[]): string {
  const title = blocks.find((b) => b.kind === 'title');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title?.kind === 'title' ? title.text : 'Ratchet report')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...blocks.map(htmlBlock),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function htmlBlock(block: Block): string {
  const esc = escapeHtml;
  switch (block.kind) {
    case 'title':
      return `<h1>${esc(block.text)}</h1>`;
    case 'heading':
      return `<h2>${esc(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${esc(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`;
    case 'table':
      return (
        `<table><thead><tr>${block.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
        block.rows.map((row) => `<tr>${row.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`).join('') +
        '</tbody></table>'
      );
    case 'chart':
      return `<div class="chart">${block.svg}</div>`;
  }
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
