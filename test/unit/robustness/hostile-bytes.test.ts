import { describeHostileGroup } from './hostile-support';

describeHostileGroup('bytes');
