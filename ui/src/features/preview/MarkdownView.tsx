// Markdown rendered with `marked` and cleaned by DOMPurify: no scripts, styles, forms, frames or media, and no
// image is fetched (an image is shown as its description). Links never navigate the window: a click copies
// the address, since a document in a bucket is not a source the app vouches for. The CSP (`script-src 'self'`)
// stops inline scripts and handlers a second time.
import DOMPurify from "dompurify";
import { Marked } from "marked";
import { type MouseEvent, useMemo, useState } from "react";
import type { TextBody } from "../../ipc/bindings";
import { api } from "../../ipc/commands";
import { useT } from "../../i18n/i18n";
import { TextFacts } from "./TextViews";

const FORBID_TAGS = ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"];
const MEDIA = ["img", "picture", "source", "video", "audio", "track", "svg", "math", "image"];

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** `markdown` as clean HTML: images become their description, links keep their address only as data. */
export function renderMarkdown(markdown: string, imageLabel: string): string {
  const parser = new Marked({
    gfm: true,
    async: false,
    renderer: {
      image: ({ text }) =>
        `<span class="md-image">[${escapeHtml(imageLabel)}${text ? `: ${escapeHtml(text)}` : ""}]</span>`,
    },
  });
  const html = parser.parse(markdown, { async: false });
  const purify = DOMPurify();
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName !== "A") return;
    const href = node.getAttribute("href") ?? "";
    node.removeAttribute("href");
    node.removeAttribute("target");
    if (/^(https?:|mailto:)/i.test(href)) {
      node.setAttribute("data-href", href);
      node.setAttribute("title", href);
    }
  });
  return purify.sanitize(html, {
    FORBID_TAGS: [...FORBID_TAGS, ...MEDIA],
    FORBID_ATTR: ["style", "srcset", "src", "action", "formaction", "background", "poster"],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ["data-href"],
  });
}

export default function MarkdownView({ body }: { body: TextBody }) {
  const { t } = useT();
  const [copied, setCopied] = useState<string | null>(null);
  const html = useMemo(() => renderMarkdown(body.text, t("preview.mdImage")), [body.text, t]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as Element).closest("a");
    if (!a) return;
    e.preventDefault();
    const href = a.getAttribute("data-href");
    if (href) void api.copyText(href).then(() => setCopied(href));
  };
  return (
    <div className="text-wrap">
      <TextFacts body={body} />
      {copied && (
        <p className="muted small" role="status">
          {t("preview.mdLinkCopied", { url: copied })}
        </p>
      )}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: links are the targets */}
      <div
        className="markdown-view"
        data-testid="markdown-view"
        onClick={onClick}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify just above
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
