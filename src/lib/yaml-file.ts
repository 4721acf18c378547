/** Reads YAML text into plain data, turning syntax errors into a CourseDataError that names the line. */
import { parse, YAMLParseError } from 'yaml';
import { CourseDataError } from './friendly-errors.ts';

export function parseYaml(text: string, file: string): unknown {
  try {
    return parse(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
      throw new CourseDataError(file, [`is not valid YAML${where}: ${error.message.split('\n')[0]}`]);
    }
    throw error;
  }
}
