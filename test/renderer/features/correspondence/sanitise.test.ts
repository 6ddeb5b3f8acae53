import { describe, expect, it } from 'vitest';
import { sanitiseEmailHtml } from '../../../../renderer/features/correspondence/components/sanitise';

const parse = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = sanitiseEmailHtml(html);
  return host;
};

describe('sanitiseEmailHtml: nothing in an email is clickable or active', () => {
  it('drops image maps: no <map>, no <area> link, no usemap; the picture’s words stay', () => {
    const host = parse(
      '<p>Plan</p><img src="data:image/png;base64,AAAA" alt="site plan" usemap="#m"><map name="m"><area shape="rect" coords="0,0,10,10" href="https://evil.example/x" alt="Click"></map>',
    );
    expect(host.querySelector('map, area, [href]')).toBeNull();
    expect(host.querySelector('img')!.hasAttribute('usemap')).toBe(false);
    expect(host.textContent).toContain('Plan');
  });

  it('drops dialogs, open or not: their words stay in the email’s flow, never over the app', () => {
    const host = parse('<p>Hello</p><dialog open><p>Your session expired</p></dialog><dialog>Hidden</dialog>');
    expect(host.querySelector('dialog')).toBeNull();
    expect(host.textContent).toBe('HelloYour session expiredHidden');
  });

  it('drops form controls of every kind', () => {
    const host = parse(
      '<form action="https://evil.example"><input name="p"><button>Send</button><select><option>a</option></select><textarea>t</textarea><datalist><option>x</option></datalist><output>o</output></form><p>Body</p>',
    );
    expect(host.querySelector('form, input, button, select, option, textarea, datalist, output')).toBeNull();
    expect(host.textContent).toContain('Body');
  });

  it('drops attributes that take focus, keys or open popovers', () => {
    const host = parse(
      '<div popover id="p">Pop</div><p accesskey="s" tabindex="1" autofocus contenteditable="true" popovertarget="p" popovertargetaction="show">Text</p>',
    );
    for (const name of ['popover', 'accesskey', 'tabindex', 'autofocus', 'contenteditable', 'popovertarget', 'popovertargetaction'])
      expect(host.querySelector(`[${name}]`)).toBeNull();
    expect(host.textContent).toContain('Text');
  });

  it('keeps a <details> (it only shows and hides the email’s own text) but no handler on it', () => {
    const host = parse('<details open ontoggle="alert(1)"><summary>More</summary><p>Figures</p></details>');
    expect(host.querySelector('details')).not.toBeNull();
    expect(host.querySelector('[ontoggle]')).toBeNull();
    expect(host.textContent).toContain('Figures');
  });

  it('still keeps links as words, never clickable, and hides remote pictures', () => {
    const host = parse('<a href="https://example.gov.uk/report">the report</a><img src="https://tracker.example/p.gif" alt="logo">');
    const link = host.querySelector('a')!;
    expect(link.hasAttribute('href')).toBe(false);
    expect(link.getAttribute('title')).toBe('Link (not opened from here): https://example.gov.uk/report');
    expect(host.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(host.querySelector('img')!.getAttribute('alt')).toBe('[picture not shown: logo]');
  });
});
