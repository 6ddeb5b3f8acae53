import DOMPurify from 'dompurify';

/**
 * An officer's HTML made safe to show: no scripts, styles, forms or frames; no remote images (the
 * sender would learn when it was read); links kept as text, never clickable. Nothing interactive
 * survives either: an image map's areas are links, a dialog can open over the app, and form
 * controls, popovers, access keys and autofocus could take input or focus meant for the app.
 */
export function sanitiseEmailHtml(html: string): string {
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!src.startsWith('data:image/')) {
        node.removeAttribute('src');
        node.removeAttribute('srcset');
        node.setAttribute('alt', `[picture not shown${node.getAttribute('alt') ? `: ${node.getAttribute('alt')}` : ''}]`);
      }
    }
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      node.removeAttribute('href');
      node.removeAttribute('target');
      if (href && /^https?:|^mailto:/i.test(href)) node.setAttribute('title', `Link (not opened from here): ${href}`);
    }
    node.removeAttribute('style');
  });
  return purify.sanitize(html, {
    FORBID_TAGS: [
      'style',
      'script',
      'iframe',
      'frame',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'select',
      'option',
      'optgroup',
      'textarea',
      'datalist',
      'output',
      'map',
      'area',
      'dialog',
      'link',
      'meta',
      'base',
      'svg',
      'math',
      'video',
      'audio',
      'source',
    ],
    FORBID_ATTR: [
      'style',
      'srcset',
      'background',
      'formaction',
      'action',
      'ping',
      'usemap',
      'popover',
      'popovertarget',
      'popovertargetaction',
      'accesskey',
      'autofocus',
      'tabindex',
      'contenteditable',
    ],
    ALLOW_DATA_ATTR: false,
  });
}
