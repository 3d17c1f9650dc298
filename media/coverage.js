// The coverage matrix's webview: draws the model the extension posts (src/core/coverage.ts) as a grid of
// claims by sources, sorts and filters it, and asks the extension to open a cell's passage. Plain DOM, no
// network. Keyboard: one cell of the grid is in the tab order; arrow keys, Home/End and Page Up/Down move
// it; Enter or Space opens a cell's passage, or sorts by a column whose header has a button.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is given by VS Code to the webview.
  const vscode = acquireVsCodeApi();

  /** Rows drawn at most: a folder of thousands of sources has tens of thousands of claims. */
  const MAX_ROWS = 500;
  /** Columns before the sources': the claim, its number of sources, its status. */
  const LEAD_COLUMNS = 3;
  const STATUS_RANK = { differ: 0, approximate: 1, agree: 2, single: 3 };
  const STATUS_TEXT = { differ: 'figures differ', approximate: 'figures agree approximately', agree: 'sources agree', single: 'one source only' };
  const STATUS_SHORT = { differ: '≠ differ', approximate: '≈ approx.', agree: '✓ agree', single: 'single' };
  /** Sortable columns, each with the direction its first click gives. */
  const SORTS = {
    claim: { title: 'Claim', first: 'ascending' },
    sources: { title: 'Sources', first: 'descending' },
    status: { title: 'Status', first: 'ascending' },
  };

  /** What the user chose, kept by VS Code while the panel is hidden. */
  const state = Object.assign(
    { sort: 'sources', direction: 'descending', text: '', onlyDiffer: false, onlySingle: false, hideSingle: false, focus: { row: '', column: LEAD_COLUMNS } },
    vscode.getState() || {},
  );
  /** @type {any} the CoverageModel */
  let model = null;
  /** @type {any[]} rows drawn, in order */
  let shown = [];

  const table = /** @type {HTMLTableElement} */ (document.getElementById('matrix'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const filter = /** @type {HTMLInputElement} */ (document.getElementById('filter'));
  const toggles = {
    onlyDiffer: /** @type {HTMLInputElement} */ (document.getElementById('only-differ')),
    onlySingle: /** @type {HTMLInputElement} */ (document.getElementById('only-single')),
    hideSingle: /** @type {HTMLInputElement} */ (document.getElementById('hide-single')),
  };
  // Toggles that contradict each other: showing only single-source claims and hiding them, say.
  const EXCLUDES = { onlyDiffer: ['onlySingle'], onlySingle: ['onlyDiffer', 'hideSingle'], hideSingle: ['onlySingle'] };

  filter.value = state.text;
  for (const [key, box] of Object.entries(toggles)) {
    box.checked = state[key];
    box.addEventListener('change', () => {
      state[key] = box.checked;
      if (box.checked) for (const other of EXCLUDES[key]) toggles[other].checked = state[other] = false;
      render();
    });
  }
  let typing = 0;
  filter.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.text = filter.value;
      render();
    }, 150);
  });

  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'model') {
      model = event.data.model;
      render();
    }
  });

  function matching() {
    const words = state.text.toLowerCase().split(/\s+/).filter(Boolean);
    return model.rows.filter((row) => {
      if (state.onlyDiffer && row.status !== 'differ') return false;
      if (state.onlySingle && row.status !== 'single') return false;
      if (state.hideSingle && row.status === 'single') return false;
      const label = row.label.toLowerCase();
      return words.every((w) => label.includes(w));
    });
  }

  function compare(a, b) {
    if (state.sort === 'claim') return a.label.localeCompare(b.label);
    if (state.sort === 'status') return STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.sourceCount - a.sourceCount;
    return a.sourceCount - b.sourceCount;
  }

  function sorted(rows) {
    const sign = state.direction === 'ascending' ? 1 : -1;
    // Among equals the model's order stays: most widely reported first, then reading order.
    const order = new Map(rows.map((r, i) => [r, i]));
    return rows.slice().sort((a, b) => sign * compare(a, b) || order.get(a) - order.get(b));
  }

  function plural(n, word) {
    return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  }

  function describe(total, rows) {
    if (!model.totalSources) return 'No sources yet. Open a folder of .txt files, or check the corroborate.include setting.';
    const count = (n) => n.toLocaleString('en-US');
    let claims = `${rows.length > shown.length ? `Showing the first ${count(shown.length)} of` : 'Showing'} ${plural(rows.length, 'claim')}`;
    if (rows.length < total) claims += ` matching the filters (of ${count(total)})`;
    const parts = [claims];
    if (model.totalClaims > total) parts.push(`${plural(model.totalClaims - total, 'claim')} left out of the table (the least widely reported, or carried only by sources not shown)`);
    parts.push(model.totalSources > model.sources.length ? `columns: the first ${count(model.sources.length)} of ${plural(model.totalSources, 'source')}, by path` : plural(model.sources.length, 'source'));
    return `${parts.join('; ')}.`;
  }

  function render() {
    vscode.setState(state);
    if (!model) return;
    const hadFocus = table.contains(document.activeElement);
    const rows = sorted(matching());
    shown = rows.slice(0, MAX_ROWS);
    summary.textContent = describe(model.rows.length, rows);
    table.replaceChildren(head(), body());
    table.setAttribute('aria-rowcount', String(rows.length + 1));
    table.setAttribute('aria-colcount', String(LEAD_COLUMNS + model.totalSources));
    table.hidden = !model.sources.length;
    placeFocus(hadFocus);
    vscode.postMessage({ type: 'rendered', shown: shown.length, matching: rows.length, columns: model.sources.length });
  }

  function head() {
    const thead = document.createElement('thead');
    const tr = thead.insertRow();
    tr.setAttribute('aria-rowindex', '1');
    for (const [key, sort] of Object.entries(SORTS)) {
      const th = cell(tr, 'th', tr.cells.length);
      th.scope = 'col';
      th.className = `lead ${key}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.sort = key;
      button.tabIndex = -1;
      const active = state.sort === key;
      if (active) th.setAttribute('aria-sort', state.direction);
      button.textContent = `${sort.title} ${active ? (state.direction === 'ascending' ? '▲' : '▼') : ''}`.trim();
      button.title = `Sort by ${sort.title.toLowerCase()}${active ? ' (click again to reverse)' : ''}`;
      th.append(button);
    }
    model.sources.forEach((source) => {
      const th = cell(tr, 'th', tr.cells.length);
      th.scope = 'col';
      th.className = 'source';
      th.title = `${source.label}\n${source.file}`;
      const span = document.createElement('span');
      span.textContent = source.label;
      th.append(span);
    });
    return thead;
  }

  function body() {
    const tbody = document.createElement('tbody');
    shown.forEach((row, r) => {
      const tr = tbody.insertRow();
      tr.dataset.claim = row.id;
      tr.setAttribute('aria-rowindex', String(r + 2));
      tr.className = row.status;
      const label = cell(tr, 'th', 0);
      label.scope = 'row';
      label.className = 'lead claim';
      label.textContent = row.label;
      label.title = `${row.label}\n${row.kind} · ${STATUS_TEXT[row.status]}`;
      const count = cell(tr, 'td', 1);
      count.className = 'lead sources';
      count.textContent = String(row.sourceCount);
      const status = cell(tr, 'td', 2);
      status.className = `lead status ${row.status}`;
      status.textContent = STATUS_SHORT[row.status];
      status.title = STATUS_TEXT[row.status];
      const bySource = new Map(row.cells.map((c) => [c.source, c]));
      model.sources.forEach((source, s) => {
        const td = cell(tr, 'td', LEAD_COLUMNS + s);
        const c = bySource.get(s);
        if (c) fillCell(td, c, source);
        else td.setAttribute('aria-label', `not in ${source.label}`);
      });
    });
    return tbody;
  }

  /** A grid cell out of the tab order (the roving focus puts one back). */
  function cell(tr, tag, column) {
    const el = document.createElement(tag);
    el.setAttribute('role', tag === 'th' && tr.parentElement && tr.parentElement.tagName === 'THEAD' ? 'columnheader' : tag === 'th' ? 'rowheader' : 'gridcell');
    el.setAttribute('aria-colindex', String(column + 1));
    el.tabIndex = -1;
    tr.append(el);
    return el;
  }

  function fillCell(td, c, source) {
    // Only the odd one out is marked ≠: when one source of five differs, the four that agree are not.
    const odd = c.differsFromMost;
    td.className = `carried${odd ? ' differ' : ''}${c.only ? ' only' : ''}`;
    td.dataset.source = source.id;
    const mark = document.createElement('span');
    mark.className = `mark ${odd ? 'differ' : c.only ? 'only' : 'carried'}`;
    mark.textContent = odd ? '≠' : c.only ? 'only' : '✓';
    td.append(mark);
    if (c.figures.length) td.append(` ${c.figures[0]}${c.figures.length > 1 ? ' …' : ''}`);
    const details = [
      `line ${c.first.line}${c.passages > 1 ? `, ${c.passages} passages` : ''}`,
      c.figures.length ? `figures: ${c.figures.join(', ')}` : '',
      c.differsFrom.length ? `figures differ from ${c.differsFrom.map(nameOf).join(', ')}` : '',
      c.only ? 'no other source carries this claim' : '',
    ].filter(Boolean);
    td.title = `${source.label}: ${details.join('; ')}`;
    td.setAttribute('aria-label', `${source.label}: ${odd ? 'figures differ from most sources' : c.only ? 'only source' : 'carries the claim'}; ${details.join('; ')}`);
  }

  function nameOf(id) {
    const source = model.sources.find((s) => s.id === id);
    return source ? source.label : decodeURIComponent(id.slice(id.lastIndexOf('/') + 1));
  }

  // ---- Keyboard and mouse ----

  /** The grid as rows of cells, the header row first. */
  function grid() {
    return Array.from(table.rows, (tr) => Array.from(tr.cells));
  }

  /** What takes the focus in a cell: its sort button, or the cell itself. */
  function target(el) {
    return el.querySelector('button') || el;
  }

  function positionOf(el) {
    const td = el.closest('th, td');
    const tr = td && td.parentElement;
    if (!tr || !table.contains(tr)) return undefined;
    return { row: tr.rowIndex, column: td.cellIndex };
  }

  /** Puts the single tab stop on the remembered cell (by claim and column, so it survives a sort). */
  function placeFocus(takeFocus) {
    const cells = grid();
    if (!cells.length) return;
    const bodyRow = shown.findIndex((r) => r.id === state.focus.row);
    const found = state.focus.row === 'head' || bodyRow >= 0;
    // A claim filtered out or gone: the first row, without forgetting the claim for when it comes back.
    const row = state.focus.row === 'head' ? 0 : bodyRow >= 0 ? bodyRow + 1 : Math.min(1, cells.length - 1);
    moveTo(cells, row, state.focus.column, takeFocus, found);
  }

  function moveTo(cells, row, column, takeFocus, remember = true) {
    row = Math.max(0, Math.min(row, cells.length - 1));
    column = Math.max(0, Math.min(column, cells[row].length - 1));
    const previous = table.querySelector('[tabindex="0"]');
    if (previous) previous.tabIndex = -1;
    const el = target(cells[row][column]);
    el.tabIndex = 0;
    if (remember) {
      state.focus = { row: row === 0 ? 'head' : shown[row - 1].id, column };
      vscode.setState(state);
    }
    if (takeFocus) {
      el.focus();
      if (row > 0) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  table.addEventListener('keydown', (event) => {
    const at = positionOf(event.target);
    if (!at) return;
    const cells = grid();
    const rowHeight = (cells[1] && cells[1][0].offsetHeight) || 20;
    const page = Math.max(1, Math.floor(window.innerHeight / rowHeight) - 2);
    const moves = {
      ArrowUp: [at.row - 1, at.column],
      ArrowDown: [at.row + 1, at.column],
      ArrowLeft: [at.row, at.column - 1],
      ArrowRight: [at.row, at.column + 1],
      PageUp: [at.row - page, at.column],
      PageDown: [at.row + page, at.column],
      Home: event.ctrlKey ? [0, 0] : [at.row, 0],
      End: event.ctrlKey ? [cells.length - 1, cells[cells.length - 1].length - 1] : [at.row, cells[at.row].length - 1],
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(cells, moves[event.key][0], moves[event.key][1], true);
    } else if ((event.key === 'Enter' || event.key === ' ') && !(event.target instanceof HTMLButtonElement)) {
      const td = /** @type {HTMLElement} */ (event.target).closest('td[data-source]');
      if (td) {
        event.preventDefault();
        open(td);
      }
    }
  });

  table.addEventListener('click', (event) => {
    const el = /** @type {HTMLElement} */ (event.target);
    const button = el.closest('button[data-sort]');
    const at = positionOf(el);
    if (at) moveTo(grid(), at.row, at.column, !button);
    if (button) {
      const key = button.dataset.sort;
      state.direction = state.sort === key ? (state.direction === 'ascending' ? 'descending' : 'ascending') : SORTS[key].first;
      state.sort = key;
      render();
      return;
    }
    const td = el.closest('td[data-source]');
    if (td) open(td);
  });

  function open(td) {
    vscode.postMessage({ type: 'open', claim: td.parentElement.dataset.claim, source: td.dataset.source });
  }

  vscode.postMessage({ type: 'ready' });
})();
