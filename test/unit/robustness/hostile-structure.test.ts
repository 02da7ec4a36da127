import { describeHostileGroup } from './hostile-support';

describeHostileGroup('structure');
