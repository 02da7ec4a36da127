import { describe, expect, it } from 'vitest';
import { runBatch } from '../../../src/simulation/batch';
import { batchResultToCsv, batchResultToJson } from '../../../src/simulation/export';
import { batchResultToMarkdown } from '../../../src/simulation/report';
import { loadModel } from './support';

describe('exporting batch results', () => {
  it('writes JSON that reads back to the same result', async () => {
    const result = runBatch(await loadModel('quote-collaboration.bpmn'), { cases: 300 });
    expect(JSON.parse(batchResultToJson(result))).toEqual(result);
  });

  it('writes a CSV a spreadsheet can pivot: one row per metric, element visits included', async () => {
    const result = runBatch(await loadModel('exclusive-split.bpmn'), { cases: 1000, seed: 42 });
    const csv = batchResultToCsv(result, { bom: false });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,id,name,metric,value,unit');
    expect(lines).toContain(`element,ToUpsell,,visits per case,${result.visitsPerCase.ToUpsell},`);
    expect(lines).toContain('summary,,,lead time p50,2,h');
    expect(lines).toContain('activity,Upsell,Offer upgrade,hours per case,' + result.activities.find((a) => a.id === 'Upsell')!.hoursPerCase + ',h');
    const dutch = batchResultToCsv(result, { decimalComma: true });
    expect(dutch.startsWith('\uFEFFsection;id;name;metric;value;unit')).toBe(true);
    expect(dutch).toContain(`element;ToUpsell;;visits per case;${String(result.visitsPerCase.ToUpsell).replace('.', ',')};`);
  });

  it('writes how the cases ended for the customer and what the promise was measured on into the CSV', async () => {
    const result = runBatch(await loadModel('quote-collaboration.bpmn'), { cases: 1000, seed: 3 });
    const lines = batchResultToCsv(result, { bom: false }).split('\r\n');
    const accepted = result.outcomesByEnd.find((o) => o.id === 'SendAcceptance')!;
    expect(lines).toContain(`customer end,SendAcceptance,Quote accepted,share of completed cases,${accepted.share},`);
    expect(lines).toContain('customer end,Declined,Quote declined,lead time p90,7,h');
    expect(lines).toContain('summary,,,customer promise measured to,SendAcceptance,');
  });

  it('writes a Markdown report that leads with the lead time, the promise and the flags', async () => {
    const result = runBatch(await loadModel('quote-collaboration.bpmn'), { cases: 500, scenario: 'realised' });
    const md = batchResultToMarkdown(result, 'Quote chain');
    expect(md).toMatch(/^# Quote chain\n/);
    expect(md).toContain('Realised scenario, 500 cases (seed 1)');
    expect(md).toContain('| 9 h | 9 h | 9 h | 9 h |');
    expect(md).toContain('| Quote accepted (SendAcceptance) | 70 % | 9 h | 9 h | 9 h | 9 h |');
    expect(md).toContain('target 8 h, P90 of the cases ending at Quote accepted (SendAcceptance) 9 h — **not held**');
    expect(md).toMatch(/\| handover-overdue \| order to plan \(ToMarketing\) \| \d+ \|/);
    expect(md).toContain('Invoicing is automated by the ERP system');
    expect(md).toContain('## Assumptions and defaults');
  });

  it('says so when cases did not complete', async () => {
    const md = batchResultToMarkdown(runBatch(await loadModel('deadlock.bpmn'), { cases: 10 }));
    expect(md).toContain('**10 cases did not complete**: 10 in a deadlock');
    expect(md).toContain('| – | – | – | – |');
  });
});
