// Entry for scenario pages: the player starts at once.
import ScenarioPlayer from './ScenarioPlayer.svelte';
import { start } from './islands.ts';

start('scenario-player', ScenarioPlayer);
