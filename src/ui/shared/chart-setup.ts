import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip
} from 'chart.js';
import { localeTag } from '../../i18n/numbers';

// Only the chart types the product draws, so the lazily loaded chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, RadarController, RadialLinearScale, Filler, Legend, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.color = '#1d2733';
// Axis ticks and tooltips format numbers in the UI language ("14.000" in Dutch), not the browser's:
// set on every update, so a chart drawn before a language switch follows it on its next update.
Chart.register({
  id: 'mlLocale',
  beforeUpdate(chart: Chart) {
    chart.options.locale = localeTag();
  }
});
// Charts appear at once: an animation delays what the user asked for and hides the rendered state from tests.
Chart.defaults.animation = false;

export { Chart };
