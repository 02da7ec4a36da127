// The shell's panels, in the order their tabs appear. Each feature adds one import here.
import '../versions/versions-panel';
