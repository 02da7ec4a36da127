/**
 * The simulation layer's look. Tokens are violet pills that name what they count
 * ("2 cases"; green is taken by the agreed handovers) and flags a dark red triangle
 * with a white mark (white on both is above 4.5:1); the layer lets
 * clicks through to the diagram except on flags, which select their element.
 */
export const SIMULATION_CANVAS_CSS = `
.ml-sim-layer { pointer-events: none; }
.ml-sim-token rect { fill: #5b21b6; stroke: #fff; stroke-width: 2; }
.ml-sim-token text { fill: #fff; font: 700 11px system-ui, sans-serif; }
.ml-sim-moving { fill: #5b21b6; stroke: #fff; stroke-width: 2; }
.ml-sim-moving--message { fill: #0b5cad; }
.ml-sim-flag { pointer-events: all; cursor: pointer; }
.ml-sim-flag path { fill: #b42318; stroke: #fff; stroke-width: 1.5; }
.ml-sim-flag text { fill: #fff; font: 700 11px system-ui, sans-serif; }
.ml-sim-heat { fill: #c2410c; stroke: none; }
`;
