use crate::text::{display_width, pad_to_width, sanitize};

/// Columns aligned by terminal width (CJK counts double), with the widest columns capped so a
/// line stays readable; cut cells end in `…`.
pub struct TextTable {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    max_widths: Vec<usize>,
}

impl TextTable {
    pub fn new(headers: &[&str], max_widths: &[usize]) -> TextTable {
        TextTable {
            headers: headers.iter().map(|h| (*h).to_string()).collect(),
            rows: Vec::new(),
            max_widths: max_widths.to_vec(),
        }
    }

    pub fn push(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| sanitize(&c).into_owned())
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
                widest.min(self.max_widths.get(i).copied().unwrap_or(usize::MAX))
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
        let mut t = TextTable::new(&["NAME", "N"], &[20, 5]);
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
        let mut t = TextTable::new(&["A", "B"], &[4, 10]);
        t.push(vec!["abcdefgh".into(), "x\u{1b}[2Jy".into()]);
        let out = t.render();
        assert!(out.contains("abc…  x[2Jy"), "{out}");
    }
}
