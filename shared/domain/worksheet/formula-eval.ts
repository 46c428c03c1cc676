import { isSpec, type Cell, type WorkbookPlan } from './cells';

/**
 * A small evaluator of the formula language the worksheet writes (arithmetic, comparisons, cell
 * and range references across sheets, defined names, SUM MIN MAX COUNT IF AND ROUND INT YEAR MONTH),
 * with spreadsheet semantics: empty cells are 0 in arithmetic, text in arithmetic is an error,
 * IF evaluates only the branch it takes. It lets unit tests check every formula against the engine
 * without a spreadsheet program; the LibreOffice test checks the same formulas in a real one.
 */
export type Value = number | string | boolean | null;

type Token = { kind: 'num'; v: number } | { kind: 'str'; v: string } | { kind: 'ref'; sheet: string | null; col: number; row: number } | { kind: 'id'; v: string } | { kind: 'op'; v: string };

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if (/^\s/.test(rest)) {
      i += 1;
    } else if ((m = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!\$?([A-Z]{1,3})\$?(\d+)/.exec(rest))) {
      out.push({ kind: 'ref', sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), col: colNumber(m[3]!), row: Number(m[4]) });
      i += m[0].length;
    } else if ((m = /^\$?([A-Z]{1,3})\$?(\d+)(?![A-Za-z0-9_(])/.exec(rest))) {
      out.push({ kind: 'ref', sheet: null, col: colNumber(m[1]!), row: Number(m[2]) });
      i += m[0].length;
    } else if ((m = /^\d+(?:\.\d+)?(?:E[+-]?\d+)?/i.exec(rest))) {
      out.push({ kind: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      out.push({ kind: 'str', v: m[1]!.replace(/""/g, '"') });
      i += m[0].length;
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest))) {
      out.push({ kind: 'id', v: m[0] });
      i += m[0].length;
    } else if ((m = /^(<>|<=|>=|[-+*/^=<>(),:])/.exec(rest))) {
      out.push({ kind: 'op', v: m[0] });
      i += m[0].length;
    } else {
      throw new Error(`cannot read formula at "${rest}" in ${src}`);
    }
  }
  return out;
}

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string; col: number; row: number }
  | { t: 'range'; sheet: string; c1: number; r1: number; c2: number; r2: number }
  | { t: 'name'; v: string }
  | { t: 'call'; fn: string; args: Node[] }
  | { t: 'neg'; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node };

function parse(src: string, sheet: string): Node {
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => {
    const t = peek();
    return t?.kind === 'op' && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v} in ${src}`);
    p += 1;
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let a = next();
    for (;;) {
      const t = peek();
      if (t?.kind !== 'op' || !ops.includes(t.v)) return a;
      p += 1;
      a = { t: 'bin', op: t.v, a, b: next() };
    }
  };
  const primary = (): Node => {
    const t = tokens[p++];
    if (!t) throw new Error(`unexpected end of ${src}`);
    if (t.kind === 'num') return { t: 'num', v: t.v };
    if (t.kind === 'str') return { t: 'str', v: t.v };
    if (t.kind === 'ref') {
      const at = { sheet: t.sheet ?? sheet, col: t.col, row: t.row };
      if (isOp(':')) {
        p += 1;
        const end = tokens[p++];
        if (end?.kind !== 'ref') throw new Error(`bad range in ${src}`);
        return { t: 'range', sheet: at.sheet, c1: Math.min(at.col, end.col), r1: Math.min(at.row, end.row), c2: Math.max(at.col, end.col), r2: Math.max(at.row, end.row) };
      }
      return { t: 'ref', ...at };
    }
    if (t.kind === 'id') {
      if (!isOp('(')) return { t: 'name', v: t.v };
      p += 1;
      const args: Node[] = [];
      if (!isOp(')')) {
        for (;;) {
          args.push(comparison());
          if (!isOp(',')) break;
          p += 1;
        }
      }
      expect(')');
      return { t: 'call', fn: t.v.toUpperCase(), args };
    }
    if (t.v === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    if (t.v === '-') return { t: 'neg', a: primary() };
    if (t.v === '+') return primary();
    throw new Error(`unexpected ${t.v} in ${src}`);
  };
  const power = binary(primary, ['^']);
  const product = binary(power, ['*', '/']);
  const sum = binary(product, ['+', '-']);
  const comparison = binary(sum, ['=', '<>', '<', '>', '<=', '>=']);
  const node = comparison();
  if (p !== tokens.length) throw new Error(`unread tokens in ${src}`);
  return node;
}

/** Evaluates a workbook plan's formulas, optionally with some named or addressed cells set to other values. */
export function createEvaluator(plan: WorkbookPlan, overrides: Record<string, number> = {}) {
  const sheets = new Map(plan.sheets.map((s) => [s.name, s]));
  const names = new Map(plan.names.map((n) => [n.name, n]));
  const cache = new Map<string, Value>();
  const parsed = new Map<string, Node>();
  const overridden = new Map<string, number>();
  for (const [key, value] of Object.entries(overrides)) {
    const n = names.get(key);
    const [sheet, cell] = n ? [n.sheet, n.cell.replace(/\$/g, '')] : key.split('!');
    const m = /^([A-Z]+)(\d+)$/.exec(cell ?? '');
    if (!sheet || !m) throw new Error(`cannot set ${key}`);
    overridden.set(`${sheet}!${colNumber(m[1]!)}:${m[2]}`, value);
  }

  const cellAt = (sheet: string, col: number, row: number): Cell => {
    const s = sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return s.rows[row - 1]?.cells[col - 1] ?? null;
  };

  const valueAt = (sheet: string, col: number, row: number): Value => {
    const key = `${sheet}!${col}:${row}`;
    const set = overridden.get(key);
    if (set !== undefined) return set;
    if (cache.has(key)) return cache.get(key)!;
    const cell = cellAt(sheet, col, row);
    let v: Value;
    if (!isSpec(cell)) v = cell;
    else if (cell.formula === undefined) v = cell.value ?? null;
    else {
      let node = parsed.get(key);
      if (!node) parsed.set(key, (node = parse(cell.formula, sheet)));
      v = evaluate(node);
    }
    cache.set(key, v);
    return v;
  };

  const num = (v: Value): number => {
    if (v === null) return 0;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string') throw new Error(`#VALUE!: text "${v}" in arithmetic`);
    return v;
  };
  const cellsOf = (n: Node): Value[] => {
    if (n.t !== 'range') return [evaluate(n)];
    const out: Value[] = [];
    for (let r = n.r1; r <= n.r2; r++) for (let c = n.c1; c <= n.c2; c++) out.push(valueAt(n.sheet, c, r));
    return out;
  };
  const numbers = (args: Node[]) => args.flatMap((a) => (a.t === 'range' ? cellsOf(a).filter((v): v is number => typeof v === 'number') : [num(evaluate(a))]));
  const serialDate = (v: Value) => new Date((num(v) - 25_569) * 86_400_000);

  function evaluate(n: Node): Value {
    switch (n.t) {
      case 'num':
      case 'str':
        return n.v;
      case 'ref':
        return valueAt(n.sheet, n.col, n.row);
      case 'range':
        throw new Error('a range outside a function');
      case 'name': {
        const d = names.get(n.v);
        if (!d) throw new Error(`#NAME?: ${n.v}`);
        const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(d.cell)!;
        return valueAt(d.sheet, colNumber(m[1]!), Number(m[2]));
      }
      case 'neg':
        return -num(evaluate(n.a));
      case 'bin': {
        const a = evaluate(n.a);
        const b = evaluate(n.b);
        switch (n.op) {
          case '+': return num(a) + num(b);
          case '-': return num(a) - num(b);
          case '*': return num(a) * num(b);
          case '/': {
            if (num(b) === 0) throw new Error('#DIV/0!');
            return num(a) / num(b);
          }
          case '^': return num(a) ** num(b);
          default: {
            const [x, y] = typeof a === 'string' || typeof b === 'string' ? [String(a ?? ''), String(b ?? '')] : [num(a), num(b)];
            return n.op === '=' ? x === y : n.op === '<>' ? x !== y : n.op === '<' ? x < y : n.op === '>' ? x > y : n.op === '<=' ? x <= y : x >= y;
          }
        }
      }
      case 'call': {
        const args = n.args;
        switch (n.fn) {
          case 'SUM': return numbers(args).reduce((s, x) => s + x, 0);
          case 'MIN': return Math.min(...numbers(args));
          case 'MAX': return Math.max(...numbers(args));
          case 'COUNT': return args.flatMap(cellsOf).filter((v) => typeof v === 'number').length;
          case 'IF': return num(evaluate(args[0]!)) !== 0 ? evaluate(args[1]!) : args[2] ? evaluate(args[2]) : false;
          case 'AND': return args.every((a) => num(evaluate(a)) !== 0);
          case 'INT': return Math.floor(num(evaluate(args[0]!)));
          case 'ROUND': {
            const x = num(evaluate(args[0]!));
            const f = 10 ** num(evaluate(args[1]!));
            return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
          }
          case 'YEAR': return serialDate(evaluate(args[0]!)).getUTCFullYear();
          case 'MONTH': return serialDate(evaluate(args[0]!)).getUTCMonth() + 1;
          default: throw new Error(`#NAME?: function ${n.fn}`);
        }
      }
    }
  }

  return {
    /** The value of a cell by sheet and address ("Scenario", "M14"), or of a defined name. */
    cell(sheet: string, a1: string): Value {
      const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
      if (!m) throw new Error(`bad address ${a1}`);
      return valueAt(sheet, colNumber(m[1]!), Number(m[2]));
    },
    name(name: string): Value {
      return evaluate({ t: 'name', v: name });
    },
  };
}
