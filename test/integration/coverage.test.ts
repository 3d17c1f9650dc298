// The coverage matrix in a real VS Code: the command opens one webview panel whose page draws the table, the
// model it was given matches the sources and the Claims view, a figure changed in one source is marked in
// that source's cell, and opening a cell selects the passage in its source beside the matrix.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { CorroborateApi } from '../../src/extension/extension.js';
import type { CoverageMatrix } from '../../src/extension/coverageMatrix.js';
import type { CoverageRow } from '../../src/core/coverage.js';
import { activated, SEED, uriOf, waitFor } from './helpers.js';

let api: CorroborateApi;
let matrix: CoverageMatrix;

const showCoverage = () => vscode.commands.executeCommand<CoverageMatrix>('corroborate.showCoverage');

/** The claim ids the Claims view lists, shared claims and the single-source group's alike. */
function claimIdsInView(): string[] {
  const view = api.claimsView;
  return view.getChildren().flatMap((n) => (n.claim ? [n.claim.id] : n.id === 'group/single' ? view.getChildren(n).map((c) => c.claim!.id) : []));
}

/** The confirmation quote, carried by all five seeds (its label may start with `Today` after an edit regroups it). */
function confirmationRow(): CoverageRow | undefined {
  return matrix.model?.rows.find((r) => /I can confirm that over/.test(r.label));
}

function cellOf(row: CoverageRow, seed: string) {
  return row.cells.find((c) => matrix.model!.sources[c.source].id === uriOf(seed).toString());
}

describe('the coverage matrix', function () {
  this.timeout(60_000);

  before(async () => {
    api = await activated();
    await waitFor('five sources', () => api.indexer.corpus.size === 5);
    api.claimsView.setGrouping('claim');
  });

  after(async () => {
    matrix?.panel.dispose();
    // The suites after this one expect one editor group, as a window starts with.
    await vscode.commands.executeCommand('workbench.action.closeAllGroups');
  });

  it('opens one webview panel, whose page draws the table', async () => {
    matrix = await showCoverage();
    assert.ok(matrix.panel.visible);
    assert.match(matrix.panel.title, /Coverage/);
    const rendered = await waitFor('the page to draw the table', () => matrix.rendered);
    assert.equal(rendered.columns, 5);
    assert.ok(rendered.shown > 10, `${rendered.shown} rows drawn`);
    assert.equal(await showCoverage(), matrix, 'a second run reveals the same panel');
  });

  it('has the five seeds as columns and the claims of the Claims view as rows', async () => {
    const seeds = Object.values(SEED).sort().map((s) => uriOf(s).toString());
    assert.deepEqual(matrix.model!.sources.map((s) => s.id), seeds);
    await waitFor('the same claims as the Claims view', () => JSON.stringify(matrix.model!.rows.map((r) => r.id).sort()) === JSON.stringify(claimIdsInView().sort()), 10_000).catch(() => {
      assert.deepEqual(matrix.model!.rows.map((r) => r.id).sort(), claimIdsInView().sort());
    });
    // Columns are named as the Claims view names the sources of passages.
    const first = api.claimsView.getChildren()[0];
    for (const passage of api.claimsView.getChildren(first)) {
      const source = matrix.model!.sources.find((s) => s.id === passage.location!.doc)!;
      assert.ok(passage.label.startsWith(source.label), `${passage.label} / ${source.label}`);
      assert.match(source.file, /\.txt$/);
    }
    const row = confirmationRow()!;
    assert.equal(row.sourceCount, 5);
    assert.equal(row.status, 'agree');
    assert.ok(matrix.model!.rows.some((r) => r.status === 'single' && r.cells.length === 1 && r.cells[0].only));
  });

  it('marks the cell of a source whose figure differs, as the source is edited', async () => {
    const editor = await vscode.window.showTextDocument(uriOf(SEED.rfa), { viewColumn: vscode.ViewColumn.Beside });
    assert.ok(matrix.panel.visible, 'the matrix stays in view beside the source');
    const at = editor.document.getText().indexOf('over 10,000 DPRK');
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'over 10,000'.length)), 'over 30,000'));
    try {
      const row = await waitFor('a differing cell in the matrix', () => {
        const r = confirmationRow();
        return r?.status === 'differ' && cellOf(r, SEED.rfa)?.differsFrom.length ? r : undefined;
      });
      const rfa = cellOf(row, SEED.rfa)!;
      assert.ok(rfa.figures.includes('over 30,000'), rfa.figures.join());
      assert.equal(rfa.differsFrom.length, 4);
      assert.deepEqual(cellOf(row, SEED.upi)!.differsFrom, [uriOf(SEED.rfa).toString()]);
      assert.ok(rfa.differsFromMost, 'the source saying 30,000 is the odd one out');
      assert.ok(!cellOf(row, SEED.upi)!.differsFromMost);
      await waitFor('the page to draw it', () => matrix.rendered?.columns === 5);
    } finally {
      await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor('the edit reverted', () => !editor.document.isDirty);
      // Edits regroup claims incrementally (the confirmation's label may now start with `Today`); a scan ends
      // with a full build, leaving the claims as the suites after this one expect them.
      await api.indexer.reindex();
    }
    await waitFor('the figures agreeing again', () => confirmationRow()?.status === 'agree').catch((e) => {
      const corpus = api.indexer.corpus;
      const inCorpus = corpus.claims().find((c) => /I can confirm that over/.test(c.label));
      throw new Error(`${e.message}: matrix ${matrix.panel.visible ? 'visible' : 'hidden'}, ${confirmationRow()?.status}; corpus ${inCorpus?.status}, rfa has 30,000: ${corpus.get(uriOf(SEED.rfa).toString())?.text.includes('over 30,000')}`);
    });
  });

  it('opens a cell: its source, the passage selected, beside the matrix', async () => {
    const row = confirmationRow()!;
    const cell = cellOf(row, SEED.joongang)!;
    const editor = await matrix.openCell(row.id, uriOf(SEED.joongang).toString());
    assert.ok(editor);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), uriOf(SEED.joongang).toString());
    assert.equal(active.document.offsetAt(active.selection.start), cell.first.start);
    assert.equal(active.document.offsetAt(active.selection.end), cell.first.end);
    assert.match(active.document.getText(active.selection), /I can confirm that over 10,000 DPRK soldiers/);
    assert.notEqual(active.viewColumn, matrix.panel.viewColumn);
    assert.ok(matrix.panel.visible);
  });

  it('draws the table again when shown after being hidden', async () => {
    await vscode.window.showTextDocument(uriOf(SEED.upi), { viewColumn: matrix.panel.viewColumn });
    await waitFor('the matrix hidden', () => !matrix.panel.visible);
    matrix.rendered = undefined;
    await showCoverage();
    const rendered = await waitFor('the page to draw the table again', () => matrix.rendered);
    assert.equal(rendered.columns, 5);
  });
});
