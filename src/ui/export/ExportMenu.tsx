import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { toCsv, type CsvTable } from './csv';
import { saveFile } from './download';
import './export.css';
import { svgToPng } from './rasterize';
import { snapshotSvg } from './svgSnapshot';

/** One CSV a view offers: its table, and when a view offers several, a label and a file-name suffix. */
export interface ExportCsv {
  label?: string;
  suffix?: string;
  table: () => CsvTable | null;
}

export interface ExportMenuProps {
  /** The file name without its extension, saying what it holds: `brownout-timeline-precopy-web` (see fileStem). */
  stem: string | (() => string);
  /** What the picture shows, the SVG's title: "Timeline of a pre-copy migration". */
  title: string;
  /** The element drawn as PNG and SVG (given the menu's own element, to find its panel); leave out for none. */
  image?: (menu: HTMLElement) => Element | null;
  /** The data behind the view as CSV: one table, or several. */
  csv?: ExportCsv | ExportCsv[];
  /** The data as JSON: text as it is (a trace's versioned format), or a value to stringify. */
  json?: () => string | object | null;
}

interface Item {
  key: string;
  label: string;
  run: (menu: HTMLElement | null) => Promise<string>;
}

const JSON_TYPE = 'application/json';

function itemsOf(props: ExportMenuProps): Item[] {
  const { title, image, csv, json } = props;
  const stem = typeof props.stem === 'string' ? props.stem : props.stem();
  const items: Item[] = [];
  const picture = (menu: HTMLElement | null) => {
    const el = menu && image?.(menu);
    if (!el) throw new Error('there is nothing on screen to draw yet');
    return snapshotSvg(el, title);
  };
  if (image) {
    items.push({
      key: 'png',
      label: 'PNG image',
      run: async (menu) => {
        const { svg, widthPx, heightPx } = picture(menu);
        saveFile(`${stem}.png`, await svgToPng(svg, widthPx, heightPx), 'image/png');
        return `${stem}.png`;
      },
    });
    items.push({
      key: 'svg',
      label: 'SVG drawing',
      run: async (menu) => {
        saveFile(`${stem}.svg`, picture(menu).svg, 'image/svg+xml');
        return `${stem}.svg`;
      },
    });
  }
  const tables = csv === undefined ? [] : Array.isArray(csv) ? csv : [csv];
  for (const t of tables) {
    const name = `${stem}${t.suffix ? `-${t.suffix}` : ''}.csv`;
    items.push({
      key: `csv-${t.suffix ?? ''}`,
      label: t.label ? `CSV: ${t.label}` : 'CSV data',
      run: async () => {
        const table = t.table();
        if (!table) throw new Error('there is no data of this kind in this run');
        saveFile(name, toCsv(table), 'text/csv');
        return name;
      },
    });
  }
  if (json)
    items.push({
      key: 'json',
      label: 'JSON data',
      run: async () => {
        const value = json();
        if (value === null) throw new Error('there is nothing to save yet');
        saveFile(`${stem}.json`, typeof value === 'string' ? value : JSON.stringify(value, null, 2), JSON_TYPE);
        return `${stem}.json`;
      },
    });
  return items;
}

/**
 * One "Export" menu for a view: the picture as PNG or SVG, the data as CSV and JSON. Any view plugs in
 * with one line: `<ExportMenu stem={fileStem('sweep', field)} title="…" image={() => ref.current} csv={{ table }} json={…} />`.
 */
export function ExportMenu(props: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  // Where the list hangs: fixed under the button, so a panel that scrolls or clips cannot cut it off.
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Worked out when the menu opens, so names that follow the playhead are current.
  const items = open ? itemsOf(props) : [];

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), message.error ? 10_000 : 4000);
    return () => clearTimeout(timer);
  }, [message]);

  const toggle = () => {
    const box = button.current?.getBoundingClientRect();
    if (box) setPlace({ top: box.bottom + 4, right: Math.max(4, window.innerWidth - box.right) });
    setOpen(!open);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (item: Item) => {
    close();
    item.run(root.current).then(
      (file) => setMessage({ text: `Saved ${file}`, error: false }),
      (e: unknown) => setMessage({ text: `Could not export: ${(e as Error).message}`, error: true }),
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const entries = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') entries[(at + 1) % entries.length]?.focus();
    else if (e.key === 'ArrowUp') entries[(at - 1 + entries.length) % entries.length]?.focus();
    else if (e.key === 'Home') entries[0]?.focus();
    else if (e.key === 'End') entries[entries.length - 1]?.focus();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    // Keep Escape and the arrows from reaching the page's own shortcuts.
    e.stopPropagation();
  };

  return (
    <div className="export-menu" ref={root} data-export-skip onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={button}
        type="button"
        className="export-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={`Save ${props.title.toLowerCase()} as an image or its data`}
        onClick={toggle}
      >
        Export
        <span className="export-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul role="menu" id={id} aria-label="Export" className="export-menu__list" style={place ?? undefined}>
          {items.map((item) => (
            <li key={item.key} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(item)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <span
          className={`export-menu__note${message.error ? ' is-error' : ''}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
