import { Fragment, type ComponentChildren } from 'preact';
import type { Item, Line } from '../../model/api-types.ts';
import { formatQuantity } from '../../model/format.ts';
import { itemName, langOf } from '../../model/names.ts';
import { useMessages } from '../i18n.tsx';

/** Where a message's placeholder takes markup: the catalogue still decides the words around it. */
export const SLOT = '\u0000';

export function Slotted({ text, children }: { text: string; children: ComponentChildren }) {
  const at = text.indexOf(SLOT);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      {children}
      {text.slice(at + SLOT.length)}
    </>
  );
}

/** A name as the page shows it; an English one inside a Welsh page marked `lang="en"`. */
export function Name({ text, lang }: { text: string; lang: 'en' | undefined }) {
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/** An item's name by SKU, marked when it is the English one on a Welsh page. */
export function ItemName({ items, sku }: { items: ReadonlyMap<string, Item>; sku: string }) {
  const m = useMessages();
  return <Name text={itemName(items, sku, m)} lang={langOf(items.get(sku), m)} />;
}

/** "500 × Masg llawfeddygol Math IIR, 200 × …": describeLines as markup, English fallback names marked. */
export function Lines({ lines, items }: { lines: readonly Line[]; items: ReadonlyMap<string, Item> }) {
  const m = useMessages();
  if (lines.length === 0) return <>{m.t('lines.nothing')}</>;
  return (
    <>
      {lines.map((l, i) => (
        <Fragment key={`${l.sku}-${i}`}>
          {i > 0 ? ', ' : ''}
          <Slotted text={m.t('lines.line', { quantity: formatQuantity(l.quantity, m), name: SLOT })}>
            <ItemName items={items} sku={l.sku} />
          </Slotted>
        </Fragment>
      ))}
    </>
  );
}
