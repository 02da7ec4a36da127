/** The generated model of bench/simulation-capacity.ts: 30 steps, 5 pools of 3 people on an office calendar. */
export const STEPS = 30;
export const POOLS = 5;

/** Start → 30 tasks in sequence, task i performed by pool i mod 5 (3 people, Mon–Fri 09:00–17:00) → end. */
export function capacityBenchXml(): string {
  const pools = Array.from({ length: POOLS }, (_, p) => `<ml:pool id="p${p}" name="Pool ${p}" capacity="3" costPerHour="50" calendar="office" />`).join('');
  const tasks = Array.from(
    { length: STEPS },
    (_, i) => `<bpmn:task id="t${i}" name="Step ${i}"><bpmn:extensionElements><ml:step><ml:work pool="p${i % POOLS}" distribution="exponential" mean="PT15M" /></ml:step></bpmn:extensionElements></bpmn:task>`
  ).join('');
  const ids = ['start', ...Array.from({ length: STEPS }, (_, i) => `t${i}`), 'end'];
  const flows = ids.slice(1).map((id, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}" />`).join('');
  // Each pool works 6 × 0.25 h = 1.5 h per case and has 3 × 40 h a week: 60 cases a week is ρ = 0.75.
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="D" targetNamespace="http://missinglink.app/bench">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:extensionElements><ml:valueChain><ml:capacity timeZone="Europe/Amsterdam">
      <ml:calendar id="office" days="mon tue wed thu fri" hours="09:00-17:00" />${pools}<ml:arrivals rate="60" per="P1W" />
    </ml:capacity></ml:valueChain></bpmn:extensionElements>
    <bpmn:startEvent id="start" />${tasks}<bpmn:endEvent id="end" />${flows}
  </bpmn:process>
</bpmn:definitions>`;
}

