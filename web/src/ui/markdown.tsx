import ReactMarkdown from 'react-markdown';

/**
 * Notes and hypotheses people wrote in Markdown. Raw HTML in them shows as text (react-markdown's default,
 * never dangerouslySetInnerHTML); unsafe link protocols are dropped; images are left out so stored text
 * cannot make the browser fetch anything.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown disallowedElements={['img']} unwrapDisallowed>
        {text}
      </ReactMarkdown>
    </div>
  );
}
