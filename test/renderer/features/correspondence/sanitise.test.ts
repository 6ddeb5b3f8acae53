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

describe('sanitiseEmailHtml against image-map and dialog variants', () => {
  const AREA_VARIANTS = [
    '<area href="https://evil.example/">',
    '<AREA HREF="https://evil.example/">',
    '<map><area href="javascript:alert(1)" shape="default"></map>',
    '<table><tr><td><map name=m><area href=//evil.example coords=0,0,9,9></map></td></tr></table>',
    '<img src="data:image/png;base64,AAAA" usemap="#m"><map name="m"><area nohref><area href="mailto:a@evil.example"></map>',
    '<template><map><area href="https://evil.example/"></map></template>',
    '<svg><a href="https://evil.example/"><area href="https://evil.example/"></a></svg>',
    '<noscript><area href="https://evil.example/"></noscript>',
  ];
  const DIALOG_VARIANTS = [
    '<dialog open>Your session expired: type your passphrase</dialog>',
    '<DIALOG OPEN="open">x</DIALOG>',
    '<div><dialog open=""><form method="dialog"><button>OK</button></form></dialog></div>',
    '<table><dialog open>inside a table</dialog></table>',
    '<dialog open popover="manual">popover</dialog>',
    '<template><dialog open>t</dialog></template>',
    '<p popover="auto" id="p">Pop</p><button popovertarget="p">x</button>',
  ];

  it.each(AREA_VARIANTS)('no link survives: %s', (html) => {
    const host = parse(`<p>before</p>${html}<p>after</p>`);
    expect(host.querySelector('area, map, [href], [usemap], svg')).toBeNull();
    expect(host.innerHTML).not.toMatch(/href|<area|javascript:/i);
  });

  it.each(DIALOG_VARIANTS)('nothing opens over the app: %s', (html) => {
    const host = parse(`<p>before</p>${html}<p>after</p>`);
    expect(host.querySelector('dialog, [open], [popover], [popovertarget], form, button')).toBeNull();
    expect(host.innerHTML).not.toMatch(/<dialog|\sopen[\s=>]|popover=|popovertarget/i);
  });
});
