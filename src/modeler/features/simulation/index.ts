// The simulation's canvas drawing; loaded with the simulation panel, not with the app.
export { SimulationCanvas, type CanvasFlag, type CanvasMove } from './SimulationCanvas';
