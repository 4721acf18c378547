// The scenario player's code: mounts the Svelte player over its server-rendered starting state.
import ScenarioPlayer from './ScenarioPlayer.svelte';
import { start } from './islands.ts';

start('scenario-player', ScenarioPlayer);
