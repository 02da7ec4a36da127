// The shell's panels, in the order their tabs appear. Each feature adds one import here.
import '../properties/properties-panel';
import '../versions/versions-panel';
import '../tables/kpi-table-panel';
import '../tables/raci-matrix-panel';
import '../audit/audit-panels';
import '../dashboard/dashboard-panel';
import '../actions/actions-panel';
import '../maturity/maturity-panel';
import '../simulation/simulation-panel';
