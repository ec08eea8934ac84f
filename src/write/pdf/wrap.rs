//! Optimal-fit line breaking: textwrap's `wrap_optimal_fit` (0.16) on smawk's
//! `online_column_minima` (0.3), both MIT, specialised to our paragraphs (a first
//! line width and one for the rest) and with the cost function inlined. The
//! algorithm is theirs step for step, so the lines are the same, ties included; it
//! only costs less (textwrap's generic version was a fifth of the PDF writer).

use textwrap::core::Fragment;

/// textwrap's default penalties (`Penalties::new()`).
const NLINE: f64 = 1000.0;
const OVERFLOW: f64 = 2500.0;
const SHORT_LAST_LINE_FRACTION: f64 = 4.0;
const SHORT_LAST_LINE: f64 = 25.0;
const HYPHEN: f64 = 25.0;

/// The lines of an optimal fit, as ranges of `frags`; `None` when a cost
/// overflowed (textwrap's `OverflowError`).
pub fn optimal_fit<T: Fragment>(frags: &[T], first: f64, rest: f64) -> Option<Vec<(usize, usize)>> {
    let n = frags.len();
    // Prefix widths, summed as textwrap does.
    let mut widths = Vec::with_capacity(n + 1);
    let mut width = 0.0;
    widths.push(width);
    for f in frags {
        width += f.width() + f.whitespace_width();
        widths.push(width);
    }
    let cost = |minima: &[(usize, f64)], i: usize, j: usize| -> f64 {
        // Fragment 0 starts the first line; any other starts a later one.
        let target = if i == 0 { first } else { rest }.max(1.0);
        let (Some(&wi), Some(&wj), Some(last), Some(&(_, base))) = (
            widths.get(i),
            widths.get(j),
            j.checked_sub(1).and_then(|k| frags.get(k)),
            minima.get(i),
        ) else {
            return f64::INFINITY;
        };
        let line = wj - wi - last.whitespace_width() + last.penalty_width();
        let mut cost = base + NLINE;
        if line > target {
            cost += (line - target) * OVERFLOW;
        } else if j < n {
            let gap = target - line;
            cost += gap * gap;
        } else if i + 1 == j && line < target / SHORT_LAST_LINE_FRACTION {
            cost += SHORT_LAST_LINE;
        }
        if last.penalty_width() > 0.0 {
            cost += HYPHEN;
        }
        cost
    };
    let minima = online_column_minima(n + 1, cost);
    if minima.iter().any(|(_, c)| c.is_infinite()) {
        return None;
    }
    let mut lines = Vec::new();
    let mut pos = n;
    loop {
        let prev = minima.get(pos)?.0;
        lines.push((prev, pos));
        pos = prev;
        if pos == 0 {
            break;
        }
    }
    lines.reverse();
    Some(lines)
}

/// smawk's `online_column_minima` with 0.0 as the initial value.
fn online_column_minima<M: Fn(&[(usize, f64)], usize, usize) -> f64>(
    size: usize,
    matrix: M,
) -> Vec<(usize, f64)> {
    let mut result: Vec<(usize, f64)> = Vec::with_capacity(size);
    result.push((0, 0.0));
    let mut finished = 0;
    let mut base = 0;
    let mut tentative = 0;
    let mut rows_scratch = vec![0; size * 3];
    let mut cols_scratch = vec![0; size * 2];
    let mut minima = vec![0; size];
    let value = |result: &[(usize, f64)], k: usize| result.get(k).map_or(f64::INFINITY, |r| r.1);
    while finished + 1 < size {
        let i = finished + 1;
        if i > tentative {
            // The largest square submatrix that fits under the base.
            let rows_end = finished + 1 - base;
            for (idx, r) in (base..finished + 1).enumerate() {
                rows_scratch[idx] = r;
            }
            tentative = (finished + rows_end).min(size - 1);
            let cols_end = tentative - finished;
            for (idx, c) in (finished + 1..tentative + 1).enumerate() {
                cols_scratch[idx] = c;
            }
            let done = &result[..finished + 1];
            smawk_inner(
                &|i, j| matrix(done, i, j),
                (&mut rows_scratch, 0, rows_end),
                (&mut cols_scratch, 0, cols_end),
                &mut minima,
            );
            for col in finished + 1..tentative + 1 {
                let row = minima[col];
                let v = matrix(&result[..finished + 1], row, col);
                if col >= result.len() {
                    result.push((row, v));
                } else if v < result[col].1 {
                    result[col] = (row, v);
                }
            }
            finished = i;
            continue;
        }
        // The new column minimum is on the diagonal.
        let diag = matrix(&result[..finished + 1], i - 1, i);
        if diag < value(&result, i) {
            result[i] = (i - 1, diag);
            base = i - 1;
            tentative = i;
            finished = i;
            continue;
        }
        // Row i-1 supplies no column minimum up to tentative.
        if matrix(&result[..finished + 1], i - 1, tentative) >= value(&result, tentative) {
            finished = i;
            continue;
        }
        // A new column minimum at tentative.
        base = i - 1;
        tentative = i;
        finished = i;
    }
    result
}

/// smawk's `smawk_inner`: column minima of the submatrix of the rows and columns given.
fn smawk_inner<M: Fn(usize, usize) -> f64>(
    matrix: &M,
    (rows, rows_start, rows_end): (&mut [usize], usize, usize),
    (cols, cols_start, cols_end): (&mut [usize], usize, usize),
    minima: &mut [usize],
) {
    if cols_start == cols_end {
        return;
    }
    let cols_len = cols_end - cols_start;
    let stack_start = rows_end;
    let odd_cols_start = cols_end;
    let odd_cols_len = cols_len / 2;
    let mut stack_len = 0;
    for i in rows_start..rows_end {
        let r = rows[i];
        while stack_len > 0 {
            let stack_top = rows[stack_start + stack_len - 1];
            let col = cols[cols_start + stack_len - 1];
            if matrix(stack_top, col) > matrix(r, col) {
                stack_len -= 1;
            } else {
                break;
            }
        }
        if stack_len < cols_len {
            rows[stack_start + stack_len] = r;
            stack_len += 1;
        }
    }
    for idx in 0..odd_cols_len {
        cols[odd_cols_start + idx] = cols[cols_start + 2 * idx + 1];
    }
    smawk_inner(
        matrix,
        (&mut *rows, stack_start, stack_start + stack_len),
        (&mut *cols, odd_cols_start, odd_cols_start + odd_cols_len),
        minima,
    );
    let mut r = 0;
    for c in (0..cols_len).step_by(2) {
        let col = cols[cols_start + c];
        let mut row = rows[stack_start + r];
        let last_row = if c == cols_len - 1 {
            rows[stack_start + stack_len - 1]
        } else {
            minima[cols[cols_start + c + 1]]
        };
        let mut pair = (matrix(row, col), row);
        while row != last_row && r < stack_len - 1 {
            r += 1;
            row = rows[stack_start + r];
            let v = matrix(row, col);
            if (v, row) < pair {
                pair = (v, row);
            }
        }
        minima[col] = pair.1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use textwrap::wrap_algorithms::{wrap_optimal_fit, Penalties};

    #[derive(Debug)]
    struct F(f64, f64, f64);

    impl Fragment for F {
        fn width(&self) -> f64 {
            self.0
        }
        fn whitespace_width(&self) -> f64 {
            self.1
        }
        fn penalty_width(&self) -> f64 {
            self.2
        }
    }

    #[test]
    fn the_same_lines_as_textwrap() {
        // A small deterministic generator: widths of words, hyphenated pieces,
        // exact repeats (ties) and overlong pieces.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |k: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % k
        };
        for case in 0..3000 {
            let n = next(120) as usize;
            let frags: Vec<F> = (0..n)
                .map(|_| {
                    let w = match next(10) {
                        0 => 20.0,
                        1 => 400.0 + next(100) as f64,
                        _ => 5.0 + next(600) as f64 / 7.0,
                    };
                    if next(5) == 0 {
                        F(w, 0.0, 3.33)
                    } else {
                        F(w, 2.5, 0.0)
                    }
                })
                .collect();
            let first = 100.0 + next(300) as f64;
            let rest = if next(2) == 0 { first } else { first + 23.7 };
            let theirs = wrap_optimal_fit(&frags, &[first, rest], &Penalties::new())
                .ok()
                .map(|lines| {
                    let mut at = 0;
                    lines
                        .iter()
                        .map(|l| {
                            at += l.len();
                            (at - l.len(), at)
                        })
                        .collect::<Vec<_>>()
                });
            assert_eq!(optimal_fit(&frags, first, rest), theirs, "case {case}");
        }
    }
}
