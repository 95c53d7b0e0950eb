use crate::text::{display_width, pad_to_width, sanitize};

/// Columns aligned by terminal width (CJK counts double). On a terminal the widest columns are
/// capped so a line stays readable, and cut cells end in `…`; anywhere else (a pipe, a file)
/// nothing is cut, since a script reading the output needs every character.
pub struct TextTable {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    max_widths: Vec<usize>,
    capped: bool,
}

/// A column that is never cut, even on a terminal: ids, which a reader copies back into
/// `show` or `review`.
pub const NEVER_CUT: usize = usize::MAX;

impl TextTable {
    /// A table whose columns are capped at `max_widths` when standard output is a terminal.
    pub fn new(headers: &[&str], max_widths: &[usize]) -> TextTable {
        TextTable {
            headers: headers.iter().map(|h| (*h).to_string()).collect(),
            rows: Vec::new(),
            max_widths: max_widths.to_vec(),
            capped: crate::text::output::stdout_is_terminal(),
        }
    }

    /// Cap the columns (a terminal) or not (anything else), whatever standard output is.
    #[cfg(test)]
    pub fn capped(mut self, capped: bool) -> TextTable {
        self.capped = capped;
        self
    }

    pub fn push(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                // Trimmed, so an id with spaces around it reads as `show` takes it.
                .map(|c| sanitize(&c).trim().to_string())
                .collect(),
        );
    }

    pub fn render(&self) -> String {
        let n = self.headers.len();
        let widths: Vec<usize> = (0..n)
            .map(|i| {
                let widest = self
                    .rows
                    .iter()
                    .map(|r| r.get(i).map_or(0, |c| display_width(c)))
                    .chain([display_width(&self.headers[i])])
                    .max()
                    .unwrap_or(0);
                let cap = self.max_widths.get(i).copied().unwrap_or(NEVER_CUT);
                if self.capped { widest.min(cap) } else { widest }
            })
            .collect();
        let mut out = String::new();
        for row in std::iter::once(&self.headers).chain(&self.rows) {
            let mut line = String::new();
            for (i, width) in widths.iter().enumerate() {
                let cell = row.get(i).map_or("", String::as_str);
                if i + 1 == n {
                    line.push_str(&crate::text::truncate_to_width(cell, *width));
                } else {
                    line.push_str(&pad_to_width(cell, *width));
                    line.push_str("  ");
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_with_double_width_text() {
        let mut t = TextTable::new(&["NAME", "N"], &[20, 5]).capped(true);
        t.push(vec!["联系人中心".into(), "26".into()]);
        t.push(vec!["POPP".into(), "5".into()]);
        let out = t.render();
        let cols: Vec<usize> = out
            .lines()
            .map(|l| display_width(&l[..l.rfind("  ").unwrap() + 2]))
            .collect();
        assert_eq!(cols, [12, 12, 12], "{out}");
    }

    #[test]
    fn long_cells_are_cut_with_ellipsis_and_controls_removed() {
        let mut t = TextTable::new(&["A", "B"], &[4, 10]).capped(true);
        t.push(vec!["abcdefgh".into(), "x\u{1b}[2Jy".into()]);
        let out = t.render();
        assert!(out.contains("abc…  x[2Jy"), "{out}");
    }

    #[test]
    fn nothing_is_cut_off_a_terminal_nor_a_never_cut_column_on_one() {
        for capped in [false, true] {
            let mut t = TextTable::new(&["ID", "B"], &[NEVER_CUT, 3]).capped(capped);
            t.push(vec!["a-very-long-identifier".into(), "abcdef".into()]);
            let out = t.render();
            assert!(out.contains("a-very-long-identifier  "), "{out}");
            assert_eq!(out.contains("abcdef"), !capped, "{out}");
        }
    }
}
