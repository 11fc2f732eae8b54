import { parseGraph, type GraphDoc } from '../../../engine';

// The built-in course: every lesson file under course/ (a graph document carrying a lesson, read
// by the same reader as any file), in the order of their names. The Lessons menu lists them;
// opening one opens its document, and the lesson starts with it.

const FILES = import.meta.glob<string>('./course/*.bpgraph.json', { query: '?raw', import: 'default', eager: true });

export interface CourseLesson {
  /** the file's name without its extension: "03-separable" */
  id: string;
  /** the lesson's title */
  title: string;
  /** the document, lesson included */
  doc: GraphDoc;
}

/** every lesson of the course, read and checked; a file that does not read is an error in the app, named */
export function courseLessons(files: Readonly<Record<string, string>> = FILES): CourseLesson[] {
  return Object.keys(files)
    .sort()
    .map((path) => {
      const id = path.replace(/^.*\//, '').replace(/\.bpgraph\.json$/, '');
      const read = parseGraph(files[path]);
      if (!read.ok) throw new Error(`the built-in lesson ${id} does not read: ${read.error.message}`);
      if (!read.doc.lesson) throw new Error(`the built-in lesson ${id} has no lesson`);
      return { id, title: read.doc.lesson.title, doc: read.doc };
    });
}
