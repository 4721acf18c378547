import KnowledgeCheck from './KnowledgeCheck.svelte';
import { start } from './islands.ts';

start('knowledge-check', KnowledgeCheck);
